package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/server/httpx"
)

func (a *testApp) writerChanges() int64 {
	a.t.Helper()
	var n int64
	if err := a.db.Writer().QueryRow("SELECT total_changes()").Scan(&n); err != nil {
		a.t.Fatal(err)
	}
	return n
}

// TestFlashIsACookie follows the browser flow of creating an entry: the
// notice shows once on the redirected page, and neither the notice nor
// that page writes to the database.
func TestFlashIsACookie(t *testing.T) {
	app, ann := newAnnApp(t)
	wantBody(t, ann.get("/"), "Your account is ready")
	boss := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")

	r := ann.post("/entries", entryForm("boss_id", boss))
	wantStatus(t, r, http.StatusSeeOther)
	if n := app.scalar("SELECT count(*) FROM sessions WHERE flash != ''"); n != int64(0) {
		t.Errorf("%v sessions hold a notice", n)
	}
	before := app.writerChanges()
	wantBody(t, ann.get(r.header.Get("Location")), "Entry saved.")
	if after := app.writerChanges(); after != before {
		t.Errorf("showing the saved entry changed %d rows", after-before)
	}
	if again := ann.get(r.header.Get("Location")); strings.Contains(again.body, "Entry saved.") {
		t.Error("the notice shows twice")
	}

	// A notice made for Bob, or made up, does not show to Ann.
	bob := app.signedUp("bob@example.com")
	bobs := bob.post("/settings", url.Values{"action": {"profile"}, "display_name": {"Bob"}, "timezone": {"Europe/Berlin"}})
	var bobFlash string
	for _, c := range bobs.header.Values("Set-Cookie") {
		if v, ok := strings.CutPrefix(c, httpx.FlashCookie+"="); ok {
			bobFlash, _, _ = strings.Cut(v, ";")
		}
	}
	if bobFlash == "" {
		t.Fatalf("no notice cookie after saving the profile: %v", bobs.header.Values("Set-Cookie"))
	}
	for _, forged := range []string{bobFlash, "UHJvZmlsZSBzYXZlZC4.bogus", "UHJvZmlsZSBzYXZlZC4"} {
		req, _ := http.NewRequest(http.MethodGet, app.ts.URL+"/settings", nil)
		req.AddCookie(&http.Cookie{Name: httpx.FlashCookie, Value: forged})
		if got := ann.do(req); strings.Contains(got.body, "Profile saved.") {
			t.Errorf("Ann sees the notice of cookie %q", forged)
		}
	}
	wantBody(t, bob.get("/settings"), "Profile saved.")
}

// TestHeadLeavesTheNoticeForGet: a HEAD (a link checker, a browser's
// prefetch) answers like GET but must not use up the one-time notice that
// the following GET is meant to show.
func TestHeadLeavesTheNoticeForGet(t *testing.T) {
	_, ann := newAnnApp(t)
	boss := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	r := ann.post("/entries", entryForm("boss_id", boss))
	wantStatus(t, r, http.StatusSeeOther)
	loc := r.header.Get("Location")

	req, _ := http.NewRequest(http.MethodHead, ann.app.ts.URL+loc, nil)
	head := ann.do(req)
	wantStatus(t, head, http.StatusOK)
	if c := head.header.Values("Set-Cookie"); len(c) > 0 {
		t.Errorf("HEAD set cookies %v; it must change nothing", c)
	}
	wantBody(t, ann.get(loc), "Entry saved.")
}
