package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/internal/server/pages"
)

// TestEntrySentAgainUnderNewToken: the entry form sent again with a fresh
// token (Back, then Save, without scripts) and the same boss, date and
// summary saves nothing and answers 409 with the first entry and a way to
// save it anyway; saving anyway saves once; a replay says "Already saved";
// another summary, or the same one after the window, saves as usual.
func TestEntrySentAgainUnderNewToken(t *testing.T) {
	app, ann := newAnnApp(t)
	now := time.Now()
	app.setNow(now)
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")

	first := ann.createdID("/entries", entryForm("boss_id", dana, "token", formTokenOf(t, ann.get("/"))), "/entries/")
	// Back: the browser fetches the page again, with a new token, and puts
	// back what was typed.
	again := entryForm("boss_id", dana, "token", formTokenOf(t, ann.get("/")))
	r := ann.post("/entries", again)
	wantStatus(t, r, http.StatusConflict)
	wantBody(t, r, "Already saved", `href="/entries/`+first+`"`, "Weekly 1:1 about the launch",
		`name="repeat" value="yes"`, `name="token" value="`+again.Get("token")+`"`, `name="practice" value="solutions"`)
	if n := app.count("entries"); n != 1 {
		t.Fatalf("entries = %d after the same entry under a new token, want 1", n)
	}

	// "Save it again" saves a second entry, once however often it is sent.
	again.Set("repeat", "yes")
	second := ann.createdID("/entries", again, "/entries/")
	replay := ann.post("/entries", again)
	if loc := replay.header.Get("Location"); replay.status != http.StatusSeeOther || loc != "/entries/"+second {
		t.Fatalf("replayed repeat: %d to %q, want 303 to /entries/%s", replay.status, loc, second)
	}
	wantBody(t, ann.get("/entries/"+second), httpx.AlreadySaved)
	if n := app.count("entries"); n != 2 {
		t.Fatalf("entries = %d after saving it again, want 2", n)
	}

	// Another summary is another entry; so is the same one later on.
	ann.createdID("/entries", entryForm("boss_id", dana, "summary", "Something else", "token", formTokenOf(t, ann.get("/"))), "/entries/")
	app.setNow(now.Add(pages.TwinWindow + time.Minute))
	ann.createdID("/entries", entryForm("boss_id", dana, "token", formTokenOf(t, ann.get("/"))), "/entries/")
	if n := app.count("entries"); n != 4 {
		t.Fatalf("entries = %d, want 4", n)
	}

	// A boss typed new, sent again, finds the entry made with it.
	form := entryForm("new_boss_name", "Eve", "summary", "First talk with Eve", "token", formTokenOf(t, ann.get("/")))
	ann.createdID("/entries", form, "/entries/")
	form.Set("token", formTokenOf(t, ann.get("/")))
	r = ann.post("/entries", form)
	wantStatus(t, r, http.StatusConflict)
	if !strings.Contains(r.body, "First talk with Eve") || app.count("entries") != 5 {
		t.Errorf("a new boss's entry sent again: %d entries, want 5", app.count("entries"))
	}
}
