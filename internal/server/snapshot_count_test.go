package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/internal/sqlite"
)

// snapshotCounter counts the read snapshots the store opens (see
// sqlite.DB.ReadHook): all of them, and those made for a signed-in user,
// that is after the session or token has been checked — the page's own.
type snapshotCounter struct {
	all, page atomic.Int64
}

func (c *snapshotCounter) hook(ctx context.Context) {
	c.all.Add(1)
	if httpx.UserFrom(ctx) != nil {
		c.page.Add(1)
	}
}

func (c *snapshotCounter) reset() { c.all.Store(0); c.page.Store(0) }

// newCountingApp is newTestApp with the store's read hook installed
// before the server answers anyone.
func newCountingApp(t *testing.T, edit ...func(*Config)) (*testApp, *snapshotCounter) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "leadup.db"))
	if err != nil {
		t.Fatal(err)
	}
	counter := &snapshotCounter{}
	db.ReadHook = counter.hook
	cfg := DefaultConfig()
	cfg.Signup = SignupOpen
	for _, e := range edit {
		e(&cfg)
	}
	app := &testApp{t: t, db: db, clock: time.Now}
	clock := func() time.Time { return app.clock() }
	db.Now, cfg.Now = clock, clock
	app.srv = New(core.New(db), password.NewHasher(fastHash), slog.New(slog.NewTextHandler(io.Discard, nil)), cfg)
	app.ts = httptest.NewServer(app.srv)
	t.Cleanup(func() {
		app.ts.Close()
		db.Close()
	})
	return app, counter
}

// TestOnePageOneSnapshot: every page, and every read of the JSON API,
// reads its data from one read snapshot, so what it shows is one
// consistent state of the journal however many queries gather it. The
// session's (or token's) own check, before the page, is not counted.
func TestOnePageOneSnapshot(t *testing.T) {
	app, counter := newCountingApp(t)
	ann := app.signedUp("ann@example.com")
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	ann.createdID("/bosses", url.Values{"name": {"Eli"}, "relation": {"skip_level"}}, "/bosses/")
	entry := ann.createdID("/entries", entryForm("boss_id", dana, "followup_text", "Send the plan", "followup_owner", "me",
		"followup_due_on", time.Now().AddDate(0, 0, 3).Format(journal.DateLayout)), "/entries/")
	wantStatus(t, ann.post("/bosses/"+dana+"/priorities", url.Values{"text": {"Ship the launch"}}), http.StatusSeeOther)
	wantStatus(t, ann.post("/bosses/"+dana+"/schedule", scheduleForm()), http.StatusSeeOther)
	feed := ann.feedPath()
	token := ann.createToken("count", journal.ScopeRead, "")
	week := journal.CurrentWeek(time.Now(), time.UTC).String()

	var ids struct {
		Entries []struct {
			ID string `json:"id"`
		} `json:"entries"`
		Bosses []struct {
			ID string `json:"id"`
		} `json:"bosses"`
		FollowUps []struct {
			ID string `json:"id"`
		} `json:"followups"`
	}
	api := func(path string) *response {
		req, _ := http.NewRequest(http.MethodGet, app.ts.URL+"/api/v1"+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		return app.client().do(req)
	}
	for _, p := range []string{"/entries", "/bosses", "/followups"} {
		r := api(p)
		wantStatus(t, r, http.StatusOK)
		if err := json.Unmarshal([]byte(r.body), &ids); err != nil {
			t.Fatal(err)
		}
	}
	if len(ids.Entries) == 0 || len(ids.Bosses) == 0 || len(ids.FollowUps) == 0 {
		t.Fatalf("the API lists no records: %+v", ids)
	}

	pages := []string{
		"/", "/entries/new", "/entries", "/entries?q=scope", "/entries?boss_id=" + dana + "&page=1",
		"/entries/" + entry, "/entries/" + entry + "/edit",
		"/weeks/" + week, "/weeks/" + week + ".json", "/weeks/" + week + ".md", "/weeks/" + week + ".md?boss_id=" + dana,
		"/bosses", "/bosses/" + dana, "/bosses/" + dana + "/prep", "/bosses/" + dana + "/prep.md",
		"/followups", "/review", "/review.md", "/review.json", "/settings/notifications",
		"/export.json", "/export.csv", "/export-excel.csv", "/export.md",
	}
	for _, p := range pages {
		counter.reset()
		wantStatus(t, ann.get(p), http.StatusOK)
		if n := counter.page.Load(); n != 1 {
			t.Errorf("GET %s: %d read snapshots, want 1", p, n)
		}
	}
	apiPaths := []string{
		"/entries", "/entries?boss_id=" + ids.Bosses[0].ID, "/entries/" + ids.Entries[0].ID,
		"/bosses", "/bosses/" + ids.Bosses[0].ID, "/followups", "/followups/" + ids.FollowUps[0].ID, "/weeks/" + week,
	}
	for _, p := range apiPaths {
		counter.reset()
		wantStatus(t, api(p), http.StatusOK)
		if n := counter.page.Load(); n != 1 {
			t.Errorf("GET /api/v1%s: %d read snapshots, want 1", p, n)
		}
	}
	// The feed has no session: every snapshot of the request is its own.
	counter.reset()
	wantStatus(t, app.client().get(feed), http.StatusOK)
	if n := counter.all.Load(); n != 1 {
		t.Errorf("GET the calendar feed: %d read snapshots, want 1", n)
	}
}

// TestSignInPageReadsAccountsOnce: the sign-in page learns from one read
// of the accounts both whether this is a fresh install's first visit and
// whether it offers sign-up; in the default mode it read them twice.
func TestSignInPageReadsAccountsOnce(t *testing.T) {
	for _, c := range []struct {
		mode      string
		signUp    bool
		wantReads int64
		offer     bool
	}{
		{SignupFirst, true, 1, false},
		{SignupOpen, true, 1, true},
		{SignupClosed, false, 0, false},
	} {
		app, counter := newCountingApp(t, func(cfg *Config) { cfg.Signup = c.mode })
		if c.signUp {
			app.signedUp("ann@example.com")
		}
		counter.reset()
		r := app.client().get("/login")
		wantStatus(t, r, http.StatusOK)
		if n := counter.all.Load(); n != c.wantReads {
			t.Errorf("signup %s: GET /login made %d read snapshots, want %d", c.mode, n, c.wantReads)
		}
		if got := strings.Contains(r.body, `href="/signup"`); got != c.offer {
			t.Errorf("signup %s: the sign-in page links to sign-up %v, want %v", c.mode, got, c.offer)
		}
	}
}
