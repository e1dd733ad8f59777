package server

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/internal/sqlite"
)

var tokenRe = regexp.MustCompile(`name="token" value="([^"]+)"`)

// formToken returns the token of the first create form on the page.
func formTokenOf(t *testing.T, r *response) string {
	t.Helper()
	m := tokenRe.FindStringSubmatch(r.body)
	if m == nil {
		t.Fatalf("no token field on the page\n%.2000s", r.body)
	}
	return m[1]
}

func TestEntryTokenCreatesOnce(t *testing.T) {
	app, ann := newAnnApp(t)
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")

	// Showing the form writes nothing.
	home := ann.get("/")
	wantStatus(t, home, http.StatusOK)
	tok := formTokenOf(t, home)
	keysBefore := app.count("idempotency_keys")
	ann.get("/entries/new")
	ann.get("/")
	if n := app.count("idempotency_keys"); n != keysBefore {
		t.Errorf("rendering forms stored %d keys, want none", n-keysBefore)
	}

	form := entryForm("boss_id", dana, "token", tok)
	first := ann.post("/entries", form)
	wantStatus(t, first, http.StatusSeeOther)
	second := ann.post("/entries", form)
	wantStatus(t, second, http.StatusSeeOther)
	if a, b := first.header.Get("Location"), second.header.Get("Location"); a != b || a == "" {
		t.Errorf("repeat went to %q, want the first entry %q", b, a)
	}
	if n := app.count("entries"); n != 1 {
		t.Errorf("entries = %d after posting one form twice, want 1", n)
	}
	if n := app.count("idempotency_keys"); n != keysBefore+1 {
		t.Errorf("keys = %d, want %d", n, keysBefore+1)
	}

	// A token minted for another user, or made up, is refused and writes nothing.
	bob := app.signedUp("bob@example.com")
	bobTok := formTokenOf(t, bob.get("/"))
	forged := tok[:len(tok)-2] + "xx"
	if forged == tok {
		forged = tok[:len(tok)-2] + "yy"
	}
	for _, bad := range []string{bobTok, "abc.def", "no-dot-at-all", forged} {
		r := ann.post("/entries", entryForm("boss_id", dana, "token", bad, "summary", "Forged"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "not made for your account", `value="Forged"`)
		if formTokenOf(t, r) == bad {
			t.Error("the refused token was put back in the form")
		}
	}
	if n := app.count("entries"); n != 1 {
		t.Errorf("entries = %d after refused tokens, want 1", n)
	}

	// Without a token, scripts create as before: twice is two entries.
	ann.post("/entries", entryForm("boss_id", dana))
	ann.post("/entries", entryForm("boss_id", dana))
	if n := app.count("entries"); n != 3 {
		t.Errorf("entries = %d after two token-less posts, want 3", n)
	}

	// A 422 keeps the token, so the corrected post is still the same one.
	tok2 := formTokenOf(t, ann.get("/"))
	bad := ann.post("/entries", entryForm("boss_id", dana, "token", tok2, "summary", ""))
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	if got := formTokenOf(t, bad); got != tok2 {
		t.Errorf("token after a 422 = %q, want the posted one", got)
	}
}

func TestCaptureFollowUpSavedWithEntry(t *testing.T) {
	app, ann := newAnnApp(t)
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")

	// A bad follow-up refuses the whole form: no entry without its promise.
	r := ann.post("/entries", entryForm("boss_id", dana, "followup_text", "Send the deck", "followup_owner", "them"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `id="followup_owner-error"`, `value="Send the deck"`, `<details class="more" open`)
	if n := app.count("entries"); n != 0 {
		t.Errorf("entries = %d after a bad follow-up, want 0", n)
	}
	id := ann.createdID("/entries", entryForm("boss_id", dana, "followup_text", "Send the deck", "followup_owner", "boss", "followup_due_on", "2026-12-01"), "/entries/")
	got := app.scalar("SELECT text || '|' || owner || '|' || due_on || '|' || entry_id FROM followups")
	if got != "Send the deck|boss|2026-12-01|"+id {
		t.Errorf("follow-up row %v", got)
	}
}

func TestOtherCreateFormsCreateOnce(t *testing.T) {
	app, ann := newAnnApp(t)

	tok := formTokenOf(t, ann.get("/bosses"))
	boss := url.Values{"name": {"Dana"}, "relation": {"manager"}, "token": {tok}}
	first := ann.post("/bosses", boss)
	wantStatus(t, first, http.StatusSeeOther)
	second := ann.post("/bosses", boss)
	wantStatus(t, second, http.StatusSeeOther)
	if n := app.count("bosses"); n != 1 || first.header.Get("Location") != second.header.Get("Location") {
		t.Errorf("bosses = %d, locations %q and %q", n, first.header.Get("Location"), second.header.Get("Location"))
	}
	dana := first.header.Get("Location")[len("/bosses/"):]

	tok = formTokenOf(t, ann.get("/bosses/"+dana))
	prio := url.Values{"text": {"Ship the plan"}, "token": {tok}}
	wantStatus(t, ann.post("/bosses/"+dana+"/priorities", prio), http.StatusSeeOther)
	wantStatus(t, ann.post("/bosses/"+dana+"/priorities", prio), http.StatusSeeOther)
	if n := app.count("priorities"); n != 1 {
		t.Errorf("priorities = %d, want 1", n)
	}

	entry := ann.createdID("/entries", entryForm("boss_id", dana), "/entries/")
	tok = formTokenOf(t, ann.get("/entries/"+entry))
	fu := url.Values{"text": {"Send the deck"}, "owner": {"me"}, "token": {tok}}
	wantStatus(t, ann.post("/entries/"+entry+"/followups", fu), http.StatusSeeOther)
	r := ann.post("/entries/"+entry+"/followups", fu)
	wantStatus(t, r, http.StatusSeeOther)
	if n := app.count("followups"); n != 1 || r.header.Get("Location") != "/entries/"+entry {
		t.Errorf("follow-ups = %d, repeat went to %q", n, r.header.Get("Location"))
	}
	// The same token on another kind of form is not a second record either.
	wantStatus(t, ann.post("/bosses", url.Values{"name": {"Eve"}, "relation": {"manager"}, "token": {tok}}), http.StatusConflict)

	// Another user's token is refused on every create form.
	bob := app.signedUp("bob@example.com")
	bobTok := formTokenOf(t, bob.get("/bosses"))
	wantStatus(t, ann.post("/bosses", url.Values{"name": {"Eve"}, "relation": {"manager"}, "token": {bobTok}}), http.StatusUnprocessableEntity)
	wantStatus(t, ann.post("/bosses/"+dana+"/priorities", url.Values{"text": {"x"}, "token": {bobTok}}), http.StatusUnprocessableEntity)
	wantStatus(t, ann.post("/entries/"+entry+"/followups", url.Values{"text": {"x"}, "owner": {"me"}, "token": {bobTok}}), http.StatusUnprocessableEntity)
	if b, p, f := app.count("bosses"), app.count("priorities"), app.count("followups"); b != 1 || p != 1 || f != 1 {
		t.Errorf("bosses %d, priorities %d, follow-ups %d after refused tokens; want 1, 1, 1", b, p, f)
	}
}

func TestIdempotencyKeysKeptThirtyDays(t *testing.T) {
	app := newTestApp(t)
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	app.useClock(func() time.Time { return now })
	ann := app.signedUp("ann@example.com")
	tok := formTokenOf(t, ann.get("/bosses"))
	boss := url.Values{"name": {"Dana"}, "relation": {"manager"}, "token": {tok}}
	wantStatus(t, ann.post("/bosses", boss), http.StatusSeeOther)

	ctx := context.Background()
	now = now.Add(29 * 24 * time.Hour)
	if n, err := app.db.DeleteOldIdempotencyKeys(ctx, now.Add(-30*24*time.Hour)); err != nil || n != 0 {
		t.Fatalf("swept %d keys after 29 days (%v), want 0", n, err)
	}
	ann.login("ann@example.com", "correct horse battery") // the session idled out meanwhile
	wantStatus(t, ann.post("/bosses", boss), http.StatusSeeOther)
	if n := app.count("bosses"); n != 1 {
		t.Errorf("bosses = %d: a 29-day-old token created again", n)
	}
	now = now.Add(2 * 24 * time.Hour)
	if n, err := app.db.DeleteOldIdempotencyKeys(ctx, now.Add(-30*24*time.Hour)); err != nil || n != 1 {
		t.Fatalf("swept %d keys after 31 days (%v), want 1", n, err)
	}
}

// TestOldFormTokenIsRefused: a token minted longer ago than idempotency
// keys are kept answers 422 with what was typed and a fresh token, and
// saves nothing: its first use may have been forgotten.
func TestOldFormTokenIsRefused(t *testing.T) {
	app, ann := newAnnApp(t)
	start := time.Now()
	now := start
	app.useClock(func() time.Time { return now })
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	tok := formTokenOf(t, ann.get("/"))
	before := app.count("entries")

	now = start.Add(sqlite.KeepIdempotencyKeys + time.Hour)
	wantStatus(t, ann.login("ann@example.com", annPassword), http.StatusSeeOther) // the old session has ended
	r := ann.post("/entries", entryForm("boss_id", dana, "token", tok, "summary", "Typed a month ago"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "This form is too old", `value="Typed a month ago"`)
	if n := app.count("entries"); n != before {
		t.Fatalf("entries = %d, want %d: an old token saved a record", n, before)
	}
	fresh := formTokenOf(t, r)
	if fresh == tok {
		t.Fatal("the form came back with the old token")
	}
	wantStatus(t, ann.post("/entries", entryForm("boss_id", dana, "token", fresh, "summary", "Typed a month ago")), http.StatusSeeOther)

	// A token minted before tokens carried their time cannot be dated.
	u, _ := app.db.FindUserByEmail(context.Background(), "ann@example.com")
	undated := "bm9uY2U." + app.srv.Signer.Sign(httpx.FormTokenPurpose, strconv.FormatInt(u.ID, 10), "bm9uY2U")
	wantBody(t, ann.post("/entries", entryForm("boss_id", dana, "token", undated)), "This form is too old")

	// A token from just inside the lifetime still works.
	young := formTokenOf(t, ann.get("/"))
	now = now.Add(sqlite.KeepIdempotencyKeys - time.Hour)
	wantStatus(t, ann.login("ann@example.com", annPassword), http.StatusSeeOther)
	wantStatus(t, ann.post("/entries", entryForm("boss_id", dana, "token", young)), http.StatusSeeOther)
}
