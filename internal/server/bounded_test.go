package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/core"
)

// TestBossPagesBoundFollowUps checks that the boss and prep pages list the
// first open follow-ups and link to the rest, while the agenda download
// keeps them all.
func TestBossPagesBoundFollowUps(t *testing.T) {
	_, c, boss, entry := danaEntry(t)
	open := core.FollowUpsOnBossPage + 2
	for i := range open {
		r := c.post("/entries/"+entry+"/followups", url.Values{"text": {fmt.Sprintf("Task %02d", i)}, "owner": {"me"}, "due_on": {fmt.Sprintf("2026-12-%02d", i+1)}})
		wantStatus(t, r, http.StatusSeeOther)
	}
	shown := func(body string) (n int) {
		for i := range open {
			if strings.Contains(body, fmt.Sprintf("Task %02d", i)) {
				n++
			}
		}
		return n
	}
	for _, path := range []string{"/bosses/" + boss, "/bosses/" + boss + "/prep"} {
		r := c.get(path)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, "Task 00", `href="/followups"`)
		if n := shown(r.body); n != core.FollowUpsOnBossPage {
			t.Errorf("%s lists %d follow-ups, want %d", path, n, core.FollowUpsOnBossPage)
		}
	}
	if n := shown(c.get("/bosses/" + boss + "/prep.md").body); n != open {
		t.Errorf("the agenda lists %d follow-ups, want all %d", n, open)
	}
}
