package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/i18n"
)

// markerJournal is what the marker test's user logged, through the forms:
// the ids of the records whose pages are checked.
type markerJournal struct {
	dana, eve           string // bosses
	blocks, open, plain string // entries: every block closed, every block open, none
	fu                  string // a follow-up
}

// seedMarkerJournal logs, through the real routes, a journal that makes
// every part of every page show: two bosses with a role, a manual, a 1:1
// schedule and a priority; an entry with each block closed, one with
// each block open, a plain one; follow-ups both ways, done and open, more
// than a page of them; an API token and a calendar feed. Every word typed
// is marked as the user's (mine).
func seedMarkerJournal(t *testing.T, ann *client) markerJournal {
	t.Helper()
	var j markerJournal
	j.dana = ann.createdID("/bosses", url.Values{"name": {mine("Dana")}, "relation": {"manager"}, "role": {mine("VP Engineering")}}, "/bosses/")
	j.eve = ann.createdID("/bosses", url.Values{"name": {mine("Eve")}, "relation": {"skip_level"}}, "/bosses/")
	wantStatusT(t, ann.post("/bosses/"+j.dana+"/manual", url.Values{"manual_prefers": {"writing"}, "manual_channel": {mine("Email")},
		"manual_cares": {mine("Hiring")}, "manual_frustrations": {mine("Late news")}, "manual_notes": {mine("Send a summary first.")}}), http.StatusSeeOther)
	wantStatusT(t, ann.post("/bosses/"+j.dana+"/schedule", scheduleForm()), http.StatusSeeOther)
	ann.createdID("/bosses/"+j.dana+"/priorities", url.Values{"text": {mine("Ship the Q4 plan")}}, "/bosses/")

	entry := func(date string, pairs ...string) string {
		form := blockForm(j.dana, date, markedPairs(append([]string{"summary", "Talked through the release", "notes", "Kept notes"}, pairs...)...)...)
		return ann.createdID("/entries", form, "/entries/")
	}
	blocks := func(forecastBy string) []string {
		return []string{"problem", "Scope creeps", "option", "Cut scope", "option", "Add a week", "recommendation", "Cut scope",
			"bet", "Cutting scope keeps the date", "downside", "Credibility", "mitigation", "Two weeks only", "review_on", "2026-11-25",
			"forecast", "QA finds a blocker", "expected_by", forecastBy, "likelihood", "medium", "impact", "A slip",
			"prepared", "A fallback build", "noticed_on", "2026-11-18"}
	}
	// Option values must match the recommendation once marked: both are.
	j.blocks = entry("2026-11-20", blocks("2026-11-24")...)
	wantStatusT(t, ann.post("/entries/"+j.blocks+"/decision", url.Values{"decision": {"changed"}, "decided_on": {"2026-11-22"}, "note": {mine("Kept the week")}}), http.StatusSeeOther)
	wantStatusT(t, ann.post("/entries/"+j.blocks+"/outcome", url.Values{"outcome": {"worse"}, "reviewed_on": {"2026-11-26"}, "lesson": {mine("Cut earlier")}}), http.StatusSeeOther)
	wantStatusT(t, ann.post("/entries/"+j.blocks+"/forecast", url.Values{"result": {"happened"}, "resolved_on": {"2026-11-26"}}), http.StatusSeeOther)
	j.open = entry("2026-11-23", blocks("2026-11-26")...)
	j.plain = entry("2026-11-26", "practice", "team")

	fu := func(entry, text, owner, due string) {
		t.Helper()
		wantStatusT(t, ann.post("/entries/"+entry+"/followups", url.Values{"text": {mine(text)}, "owner": {owner}, "due_on": {due}}), http.StatusSeeOther)
	}
	fu(j.blocks, "Send the deck", "me", "2026-11-26")
	fu(j.blocks, "Approve the budget", "boss", "2026-11-24")
	j.fu = fmtAny(ann.app.scalar("SELECT id FROM followups ORDER BY id LIMIT 1"))
	wantStatusT(t, ann.post("/followups/"+j.fu, url.Values{"done": {"1"}}), http.StatusSeeOther)
	// More than a page of open follow-ups, for the pager.
	for i := range 51 {
		fu(j.open, "Promise "+strconv.Itoa(i), "me", "2026-12-0"+strconv.Itoa(1+i%9))
	}
	return j
}

// TestEveryPageIsInTheCatalog renders every page a user can reach, the
// refused answer of every form, the error pages and the Markdown drafts,
// for a user whose language is the marker language, and fails on any
// text that did not come from the catalog.
func TestEveryPageIsInTheCatalog(t *testing.T) {
	app, ann := newMarkerApp(t)
	box := &outbox{}
	run := app.withMail(box)
	j := seedMarkerJournal(t, ann)
	gaps := markerGaps{}

	// page GETs path as c and wants status; the page's name says which
	// page it is in gaps, with ids as {names}.
	page := func(c *client, name, path string, status int) *response {
		t.Helper()
		r := c.get(path)
		if r.status != status {
			t.Fatalf("%s (%s): status %d, want %d\n%.1500s", name, path, r.status, status, r.body)
		}
		gaps.addPage(t, name, r.body)
		return r
	}
	// refused posts a form that must be refused with status, and checks
	// the answer.
	refused := func(c *client, name, path string, form url.Values, status int, headers ...string) {
		t.Helper()
		r := c.post(path, form, headers...)
		if r.status != status {
			t.Fatalf("%s (POST %s): status %d, want %d\n%.1500s", name, path, r.status, status, r.body)
		}
		gaps.addPage(t, name, r.body)
	}
	markdown := func(name, path string) {
		t.Helper()
		gaps.add(name, bareInText(getMarkdown(t, ann, path).body))
	}

	// A visitor who chose the marker language on the sign-in page.
	visitor := app.client()
	page(visitor, "GET /login", "/login?lang="+i18n.Marker, http.StatusOK)
	page(visitor, "GET /signup", "/signup", http.StatusOK)
	refused(visitor, "POST /signup (refused)", "/signup", url.Values{"email": {"not-an-address"}, "password": {"short"}, "display_name": {""}, "timezone": {"Mars/Olympus"}}, http.StatusUnprocessableEntity)
	page(visitor, "GET /offline", "/offline", http.StatusOK)

	// Every page of Ann's.
	for _, p := range []struct{ name, path string }{
		{"GET /", "/"},
		{"GET /entries", "/entries"},
		{"GET /entries?q=", "/entries?q=" + url.QueryEscape(mine("release"))},
		{"GET /entries?q= (nothing found)", "/entries?q=zzzz"},
		{"GET /entries/new", "/entries/new"},
		{"GET /entries/new (shared)", "/entries/new?text=" + url.QueryEscape(mine("Shared note")) + "&url=https%3A%2F%2Fexample.com%2Fa"},
		{"GET /entries/{blocks closed}", "/entries/" + j.blocks},
		{"GET /entries/{blocks open}", "/entries/" + j.open},
		{"GET /entries/{plain}", "/entries/" + j.plain},
		{"GET /entries/{id}/edit", "/entries/" + j.blocks + "/edit"},
		{"GET /followups", "/followups"},
		{"GET /followups?page=2", "/followups?page=2"},
		{"GET /followups/{id}/edit", "/followups/" + j.fu + "/edit"},
		{"GET /weeks/{week}", "/weeks/2026-W48"},
		{"GET /weeks/{week} (empty)", "/weeks/2026-W30"},
		{"GET /bosses", "/bosses"},
		{"GET /bosses/{dana}", "/bosses/" + j.dana},
		{"GET /bosses/{eve}", "/bosses/" + j.eve},
		{"GET /bosses/{id}/prep", "/bosses/" + j.dana + "/prep"},
		{"GET /review", "/review"},
		{"GET /settings", "/settings"},
		{"GET /settings/notifications", "/settings/notifications"},
		{"GET /settings/tokens", "/settings/tokens"},
	} {
		page(ann, p.name, p.path, http.StatusOK)
	}
	ann.createToken(mine("phone"), "read", "")
	page(ann, "GET /settings/tokens (with a token)", "/settings/tokens", http.StatusOK)
	feed := ann.get(ann.feedPath())
	wantStatus(t, feed, http.StatusOK)
	for _, line := range strings.Split(strings.ReplaceAll(feed.body, "\r\n ", ""), "\r\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && (name == "SUMMARY" || name == "DESCRIPTION" || name == "LOCATION") {
			gaps.add("GET /cal/{token}.ics: "+name, bareInText(strings.ReplaceAll(value, `\n`, "\n")))
		}
	}
	page(ann, "GET /settings/notifications (with a feed)", "/settings/notifications", http.StatusOK)

	// The error pages.
	page(ann, "GET (404)", "/no/such/page", http.StatusNotFound)
	page(ann, "GET /entries/{id} (404)", "/entries/999999", http.StatusNotFound)
	page(ann, "GET /entries?page= (400)", "/entries?page=0", http.StatusBadRequest)
	page(ann, "GET /followups?page= (400)", "/followups?page=0", http.StatusBadRequest)
	page(ann, "GET /weeks/{week} (400)", "/weeks/2026-W99", http.StatusBadRequest)
	refused(ann, "POST / (405)", "/", nil, http.StatusMethodNotAllowed)
	refused(ann, "POST /bosses (from another site)", "/bosses", url.Values{"name": {mine("X")}}, http.StatusForbidden, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	refused(ann, "POST /bosses (too large)", "/bosses", url.Values{"name": {strings.Repeat("x", 1<<20)}}, http.StatusRequestEntityTooLarge)
	page(visitor, "GET /unsubscribe/{token} (refused)", "/unsubscribe/not-a-token", http.StatusNotFound)

	// Every form, refused.
	badEntry := blockForm(j.dana, "2026-11-26", "summary", "", "notes", mine("Kept"))
	refused(ann, "POST /entries (refused)", "/entries", badEntry, http.StatusUnprocessableEntity)
	refused(ann, "POST /entries/{id} (refused)", "/entries/"+j.plain, badEntry, http.StatusUnprocessableEntity)
	refused(ann, "POST /entries/{id}/decision (refused)", "/entries/"+j.open+"/decision", url.Values{"decision": {"maybe"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /entries/{id}/outcome (refused)", "/entries/"+j.open+"/outcome", url.Values{"outcome": {"maybe"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /entries/{id}/forecast (refused)", "/entries/"+j.open+"/forecast", url.Values{"result": {"maybe"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /entries/{id}/followups (refused)", "/entries/"+j.open+"/followups", url.Values{"text": {""}, "owner": {"me"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /followups/{id}/edit (refused)", "/followups/"+j.fu+"/edit", url.Values{"text": {""}, "owner": {"me"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /bosses (refused)", "/bosses", url.Values{"name": {""}, "relation": {"manager"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /bosses/{id} (refused)", "/bosses/"+j.dana, url.Values{"name": {""}, "relation": {"manager"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /bosses/{id}/schedule (refused)", "/bosses/"+j.dana+"/schedule", scheduleForm("time", "25:99"), http.StatusUnprocessableEntity)
	refused(ann, "POST /bosses/{id}/manual (refused)", "/bosses/"+j.dana+"/manual", url.Values{"manual_prefers": {"carrier pigeon"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /bosses/{id}/priorities (refused)", "/bosses/"+j.dana+"/priorities", url.Values{"text": {""}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /settings (refused profile)", "/settings", url.Values{"action": {"profile"}, "display_name": {""}, "timezone": {"Mars/Olympus"}, "language": {i18n.Marker}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /settings (refused password)", "/settings", url.Values{"action": {"password"}, "current_password": {"wrong password"}, "new_password": {"short"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /settings (refused deletion)", "/settings", url.Values{"action": {"delete"}, "password": {"wrong password"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /settings/notifications (refused)", "/settings/notifications", url.Values{"weekly_review": {"on"}, "weekly_day": {"9"}, "weekly_time": {"5pm"}, "digest_time": {"08:00"}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /settings/tokens (refused)", "/settings/tokens", url.Values{"name": {""}, "scope": {"read"}, "password": {annPassword}}, http.StatusUnprocessableEntity)
	refused(ann, "POST /settings/calendar (refused)", "/settings/calendar", url.Values{"password": {"wrong password"}}, http.StatusUnprocessableEntity)

	// The confirmation steps.
	refused(ann, "POST /followups/{id}/delete (confirm)", "/followups/"+j.fu+"/delete", nil, http.StatusOK)
	refused(ann, "POST /entries/{id}/delete (confirm)", "/entries/"+j.plain+"/delete", nil, http.StatusOK)

	// The mails: the test mail, the weekly review, the follow-ups'
	// digest and the 1:1 reminder, and the pages of their unsubscribe link.
	wantStatusT(t, ann.post("/settings/notifications", url.Values{"weekly_review": {"on"}, "weekly_day": {"5"}, "weekly_time": {"17:00"},
		"followups_digest": {"on"}, "digest_time": {"08:00"}}), http.StatusSeeOther)
	page(ann, "GET /settings/notifications (mail on)", "/settings/notifications", http.StatusOK)
	refused(ann, "POST /settings/notifications/test", "/settings/notifications/test", nil, http.StatusOK)
	for _, at := range []time.Time{
		time.Date(2026, 11, 27, 16, 0, 0, 0, time.UTC), // Friday 17:00 in Berlin: the weekly review
		time.Date(2026, 11, 28, 7, 0, 0, 0, time.UTC),  // Saturday 08:00: the digest
		time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC),  // the day before Monday's 1:1
		time.Date(2026, 11, 30, 7, 0, 0, 0, time.UTC),  // Monday morning
	} {
		if _, err := run.Pass(context.Background(), at); err != nil {
			t.Fatal(err)
		}
	}
	if len(box.msgs) < 3 {
		t.Fatalf("%d mails, want at least the test mail, the weekly review and the digest", len(box.msgs))
	}
	for _, m := range box.msgs {
		name := "mail " + m.ListID
		if m.ListID == "" {
			name = "mail (one-off)"
		}
		gaps.add(name+": subject", bareInText(m.Subject))
		gaps.add(name+": text", bareInText(m.Text))
		if m.HTML != "" {
			gaps.add(name+": HTML", bareInHTML(t, m.HTML))
		}
	}
	_, unsubscribe, _ := strings.Cut(box.msgs[len(box.msgs)-1].Unsubscribe, "/leadup")
	page(visitor, "GET /unsubscribe/{token}", unsubscribe, http.StatusOK)
	refused(visitor, "POST /unsubscribe/{token}", unsubscribe, nil, http.StatusOK)

	// Failed sign-ins, last: they count against Ann's password checks.
	wrong := url.Values{"email": {"ann@example.com"}, "password": {"wrong password"}}
	refused(visitor, "POST /login (refused)", "/login", wrong, http.StatusUnauthorized)
	for i := 0; visitor.post("/login", wrong).status != http.StatusTooManyRequests; i++ {
		if i == 20 {
			t.Fatal("20 failed sign-ins and no 429")
		}
	}
	refused(visitor, "POST /login (too many)", "/login", wrong, http.StatusTooManyRequests)

	// The Markdown drafts.
	markdown("GET /weeks/{week}.md", "/weeks/2026-W48.md")
	markdown("GET /bosses/{id}/prep.md", "/bosses/"+j.dana+"/prep.md")
	markdown("GET /review.md", "/review.md")
	markdown("GET /export.md", "/export.md")

	// Last, as it caps the database: a full disk gives back what was typed.
	pages := fillFile(t, app.db)
	if _, err := app.db.Writer().ExecContext(context.Background(), "PRAGMA max_page_count = "+strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	refused(ann, "POST /entries (disk full)", "/entries", blockForm(j.dana, "2026-11-26", markedPairs("summary", "Typed", "notes", strings.Repeat("A long note. ", 800))...), http.StatusInsufficientStorage)

	gaps.check(t)
}

// typedFields are the entry form's fields whose value is the user's own
// words.
var typedFields = []string{"summary", "notes", "problem", "option", "recommendation", "bet", "downside",
	"mitigation", "forecast", "impact", "prepared"}

// markedPairs is pairs (name, value, …) with the value of each typed
// field marked as the user's.
func markedPairs(pairs ...string) []string {
	for i := 1; i < len(pairs); i += 2 {
		if pairs[i] != "" && slices.Contains(typedFields, pairs[i-1]) {
			pairs[i] = mine(pairs[i])
		}
	}
	return pairs
}
