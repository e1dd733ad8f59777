package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// entryForm returns a valid entry form; pairs override or add fields.
func entryForm(pairs ...string) url.Values {
	v := url.Values{
		"occurred_on": {time.Now().UTC().AddDate(0, 0, -1).Format(journal.DateLayout)},
		"kind":        {"one_on_one"},
		"summary":     {"Weekly 1:1 about the launch"},
		"notes":       {"We agreed on **scope**."},
		"practice":    {"results", "solutions"},
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == "practice+" {
			v.Add("practice", pairs[i+1])
			continue
		}
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

// createdID posts a form that must answer 303 to /prefix/{id} and returns id.
func (c *client) createdID(path string, form url.Values, prefix string) string {
	c.app.t.Helper()
	r := c.post(path, form)
	if r.status != http.StatusSeeOther {
		c.app.t.Fatalf("POST %s: status %d, want 303\n%.1500s", path, r.status, r.body)
	}
	loc := r.header.Get("Location")
	if !strings.HasPrefix(loc, prefix) {
		c.app.t.Fatalf("POST %s: Location %q, want %s{id}", path, loc, prefix)
	}
	return strings.TrimPrefix(loc, prefix)
}

// danaEntry is a test app with Ann signed up, her boss Dana, and one
// entry with Dana.
func danaEntry(t *testing.T) (app *testApp, ann *client, dana, entry string) {
	t.Helper()
	app, ann = newAnnApp(t)
	dana = ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	entry = ann.createdID("/entries", entryForm("boss_id", dana), "/entries/")
	return app, ann, dana, entry
}

func TestQuickCaptureWithNewBoss(t *testing.T) {
	app, c := newAnnApp(t)
	home := c.get("/")
	wantBody(t, home, `action="/entries"`, `name="new_boss_name"`, "Deliver results", "Be the solution seeker")

	id := c.createdID("/entries", entryForm("new_boss_name", "Dana Smith"), "/entries/")
	r := c.get("/entries/" + id)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Weekly 1:1 about the launch", "Dana Smith", "<strong>scope</strong>", "chip-results", "Be the solution seeker", "Entry saved.")
	if n := app.count("bosses"); n != 1 {
		t.Errorf("bosses = %d, want 1", n)
	}
	// Now the form offers Dana, preselected as the only boss.
	wantBody(t, c.get("/"), `selected>Dana Smith</option>`)
	wantBody(t, c.get("/entries"), "Weekly 1:1 about the launch", "1 entry")
}

func TestEntryValidation(t *testing.T) {
	app, c := newAnnApp(t)
	bossID := c.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	future := time.Now().UTC().AddDate(0, 0, 3).Format(journal.DateLayout)
	notes := "Long notes <b>kept</b> & precious\nline two"
	tests := []struct {
		name  string
		form  url.Values
		field string
		msg   string
	}{
		{"no boss", entryForm("notes", notes), "boss_id", "Choose who this was with"},
		{"future date", entryForm("boss_id", bossID, "occurred_on", future, "notes", notes), "occurred_on", "still in the future"},
		{"bad date", entryForm("boss_id", bossID, "occurred_on", "yesterday", "notes", notes), "occurred_on", "YYYY-MM-DD"},
		{"bad kind", entryForm("boss_id", bossID, "kind", "smoke-signal", "notes", notes), "kind", "what kind of interaction"},
		{"empty summary", entryForm("boss_id", bossID, "summary", "  ", "notes", notes), "summary", "one-line summary"},
		{"long summary", entryForm("boss_id", bossID, "summary", strings.Repeat("s", 201), "notes", notes), "summary", "200 characters"},
		{"long notes", entryForm("boss_id", bossID, "notes", strings.Repeat("n", 20001)), "notes", "20,000 characters"},
		{"no practice", func() url.Values { v := entryForm("boss_id", bossID, "notes", notes); v.Del("practice"); return v }(), "practice", "at least one practice"},
		{"unknown practice", entryForm("boss_id", bossID, "practice+", "golf", "notes", notes), "practice", "from the list"},
		{"bad priority", entryForm("boss_id", bossID, "priority_id", "abc", "notes", notes), "priority_id", "listed priorities"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.post("/entries", tt.form)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, tt.msg, `id="`+tt.field+`-error"`)
			// Everything typed comes back.
			if s := tt.form.Get("summary"); strings.TrimSpace(s) != "" {
				wantBody(t, r, `value="`+s+`"`)
			}
			if n := tt.form.Get("notes"); len(n) < 1000 {
				wantBody(t, r, ">Long notes &lt;b&gt;kept&lt;/b&gt; &amp; precious\nline two</textarea>")
			}
			for _, p := range tt.form["practice"] {
				if _, ok := journal.FindPractice(p); ok {
					wantBody(t, r, `value="`+p+`" checked`)
				}
			}
			if n := app.count("entries"); n != 0 {
				t.Errorf("entries = %d after an invalid post, want 0", n)
			}
		})
	}
}

func TestEntryEditAndDelete(t *testing.T) {
	app, c := newAnnApp(t)
	id := c.createdID("/entries", entryForm("new_boss_name", "Dana"), "/entries/")
	edit := c.get("/entries/" + id + "/edit")
	wantStatus(t, edit, http.StatusOK)
	wantBody(t, edit, `value="Weekly 1:1 about the launch"`, `value="results" checked`, "We agreed on **scope**.</textarea>")

	bossID := fmt.Sprint(app.scalar("SELECT boss_id FROM entries WHERE id = " + id))
	r := c.post("/entries/"+id, entryForm("boss_id", bossID, "summary", "Renamed", "practice", "team"))
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, c.get("/entries/"+id), "Renamed", "Develop your team")

	r = c.post("/entries/"+id, entryForm("boss_id", bossID, "summary", ""))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, c.get("/entries/"+id), "Renamed")

	// Deleting asks first, without needing any script.
	r = c.post("/entries/"+id+"/delete", nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Delete this entry?", `name="confirm" value="yes"`)
	if n := app.count("entries"); n != 1 {
		t.Fatalf("entries = %d before confirming, want 1", n)
	}
	r = c.post("/entries/"+id+"/delete", url.Values{"confirm": {"yes"}})
	wantStatus(t, r, http.StatusSeeOther)
	if n := app.count("entries"); n != 0 {
		t.Errorf("entries = %d after delete, want 0", n)
	}
	wantStatus(t, c.get("/entries/"+id), http.StatusNotFound)
}

func TestOtherUsersRecordsAre404(t *testing.T) {
	app, ann := newAnnApp(t)
	entryID := ann.createdID("/entries", entryForm("new_boss_name", "Dana"), "/entries/")
	bossID := fmt.Sprint(app.scalar("SELECT boss_id FROM entries WHERE id = " + entryID))
	ann.createdID("/bosses/"+bossID+"/priorities", url.Values{"text": {"Ship Q4"}}, "/bosses/")
	prioID := fmt.Sprint(app.scalar("SELECT id FROM priorities"))
	ann.post("/entries/"+entryID+"/followups", url.Values{"text": {"Send deck"}, "owner": {"me"}})
	fuID := fmt.Sprint(app.scalar("SELECT id FROM followups"))

	bob := app.signedUp("bob@example.com")
	bobBoss := bob.createdID("/bosses", url.Values{"name": {"Eve"}, "relation": {"manager"}}, "/bosses/")
	before := app.snapshot()

	checks := []struct {
		method, path string
		form         url.Values
	}{
		{"GET", "/entries/" + entryID, nil},
		{"GET", "/entries/" + entryID + "/edit", nil},
		{"POST", "/entries/" + entryID, entryForm("boss_id", bobBoss)},
		{"POST", "/entries/" + entryID + "/delete", url.Values{"confirm": {"yes"}}},
		{"POST", "/entries/" + entryID + "/followups", url.Values{"text": {"x"}, "owner": {"me"}}},
		{"POST", "/followups/" + fuID, url.Values{"done": {"1"}}},
		{"POST", "/priorities/" + prioID, url.Values{"status": {"done"}}},
		{"GET", "/bosses/" + bossID, nil},
		{"POST", "/bosses/" + bossID, url.Values{"name": {"Hacked"}, "relation": {"other"}}},
		{"POST", "/bosses/" + bossID + "/archive", nil},
		{"POST", "/bosses/" + bossID + "/priorities", url.Values{"text": {"x"}}},
		{"POST", "/entries", entryForm("boss_id", bossID)},
		{"POST", "/entries", entryForm("boss_id", bobBoss, "priority_id", prioID)},
		{"GET", "/entries/999999", nil},
		{"GET", "/entries/abc", nil},
	}
	for _, ck := range checks {
		var r *response
		if ck.method == "GET" {
			r = bob.get(ck.path)
		} else {
			r = bob.post(ck.path, ck.form)
		}
		if r.status != http.StatusNotFound {
			t.Errorf("%s %s as another user: status %d, want 404", ck.method, ck.path, r.status)
		}
		if strings.Contains(r.body, "Dana") || strings.Contains(r.body, "Ship Q4") || strings.Contains(r.body, "Send deck") {
			t.Errorf("%s %s leaks the other user's data", ck.method, ck.path)
		}
	}
	if after := app.snapshot(); after != before {
		t.Errorf("another user's requests changed data:\nbefore %s\nafter  %s", before, after)
	}
	// Bob's own views show none of Ann's records.
	for _, path := range []string{"/", "/entries", "/bosses", "/followups", "/entries/new"} {
		if r := bob.get(path); strings.Contains(r.body, "Dana") || strings.Contains(r.body, "Ship Q4") {
			t.Errorf("%s shows another user's data", path)
		}
	}
}

func TestNotesMarkdownIsSanitised(t *testing.T) {
	_, c := newAnnApp(t)
	payloads := []string{
		"<script>alert('x')</script>",
		"<img src=x onerror=alert(1)>",
		"[click](javascript:alert(1))",
		"[click](&#106;&#97;vascript:alert(1))",
		"<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
	}
	id := c.createdID("/entries", entryForm("new_boss_name", "Dana", "notes", strings.Join(payloads, "\n\n")+"\n\n**fine**"), "/entries/")
	r := c.get("/entries/" + id)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "<strong>fine</strong>")
	lower := strings.ToLower(r.body)
	for _, bad := range []string{"<script>alert", "onerror", "javascript:", "<img src=x"} {
		if strings.Contains(lower, bad) {
			t.Errorf("entry page contains %q", bad)
		}
	}
	// The summary is plain text everywhere: templ escapes it.
	id2 := c.createdID("/entries", entryForm("new_boss_name", "Eve", "summary", "<script>alert(2)</script>"), "/entries/")
	for _, path := range []string{"/entries/" + id2, "/entries", "/"} {
		body := c.get(path).body
		if strings.Contains(body, "<script>alert(2)") || !strings.Contains(body, "&lt;script&gt;alert(2)&lt;/script&gt;") {
			t.Errorf("%s does not escape the summary", path)
		}
	}
}

func TestFollowUps(t *testing.T) {
	app, c := newAnnApp(t)
	e1 := c.createdID("/entries", entryForm("new_boss_name", "Dana", "summary", "Planning"), "/entries/")
	e2 := c.createdID("/entries", entryForm("new_boss_name", "Eve", "summary", "Budget"), "/entries/")
	past := time.Now().UTC().AddDate(0, 0, -5).Format(journal.DateLayout)
	soon := time.Now().UTC().AddDate(0, 0, 5).Format(journal.DateLayout)

	r := c.post("/entries/"+e1+"/followups", url.Values{"text": {""}, "owner": {"me"}, "due_on": {"soon"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Write what was promised.", "YYYY-MM-DD", `value="soon"`)
	if n := app.count("followups"); n != 0 {
		t.Fatalf("followups = %d after an invalid post", n)
	}
	wantStatus(t, c.post("/entries/"+e1+"/followups", url.Values{"text": {"Send the plan"}, "owner": {"me"}, "due_on": {soon}}), http.StatusSeeOther)
	wantStatus(t, c.post("/entries/"+e2+"/followups", url.Values{"text": {"Approve budget"}, "owner": {"boss"}, "due_on": {past}}), http.StatusSeeOther)
	wantStatus(t, c.post("/entries/"+e1+"/followups", url.Values{"text": {"Intro to CFO"}, "owner": {"boss"}}), http.StatusSeeOther)

	list := c.get("/followups")
	wantStatus(t, list, http.StatusOK)
	b := list.body
	// Overdue first: Eve's group (overdue) comes before Dana's.
	if !(strings.Index(b, "Approve budget") < strings.Index(b, "Send the plan") && strings.Index(b, "Send the plan") < strings.Index(b, "Intro to CFO")) {
		t.Errorf("follow-ups not overdue first / soonest first")
	}
	wantBody(t, list, "overdue since", "Boss owes", "I owe", "from <a href=\"/entries/"+e2+"\">Budget</a>")

	fuID := fmt.Sprint(app.scalar("SELECT id FROM followups WHERE text = 'Send the plan'"))
	r = c.post("/followups/"+fuID, url.Values{"done": {"1"}, "next": {"/followups"}})
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/followups" {
		t.Errorf("Location %q", loc)
	}
	if strings.Contains(c.get("/followups").body, "Send the plan") {
		t.Error("a done follow-up is still listed as open")
	}
	doneOn := app.scalar("SELECT done_on FROM followups WHERE id = " + fuID)
	// Test accounts live in Europe/Berlin: between 23:00 and midnight UTC
	// (22:00 in summer) their today is already tomorrow in UTC.
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	if want := app.db.Now().In(berlin).Format(journal.DateLayout); doneOn != want {
		t.Errorf("done_on %v, want today in the user's zone (Europe/Berlin), %s", doneOn, want)
	}
	wantBody(t, c.get("/entries/"+e1), "Reopen", "done ")
	wantStatus(t, c.post("/followups/"+fuID, url.Values{"done": {"0"}}), http.StatusSeeOther)
	if app.scalar("SELECT done_at FROM followups WHERE id = "+fuID) != nil {
		t.Error("reopened follow-up still has done_at")
	}
	wantStatus(t, c.post("/followups/"+fuID, url.Values{"done": {"maybe"}}), http.StatusUnprocessableEntity)
	r = c.post("/followups/"+fuID, url.Values{"done": {"1"}, "next": {"//evil.example"}})
	if loc := r.header.Get("Location"); loc != "/" {
		t.Errorf("next=//evil.example: Location %q, want /", loc)
	}
}

func TestBossesAndPriorities(t *testing.T) {
	app, c := newAnnApp(t)
	r := c.post("/bosses", url.Values{"name": {""}, "relation": {"overlord"}, "role": {"CTO"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Enter a name.", "Choose one of the listed relations.", `value="CTO"`)
	if n := app.count("bosses"); n != 0 {
		t.Fatalf("bosses = %d", n)
	}
	id := c.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"skip_level"}, "role": {"VP Eng"}}, "/bosses/")
	page := c.get("/bosses/" + id)
	wantBody(t, page, "Dana", "Skip-level manager", "VP Eng", "Practice mix")

	r = c.post("/bosses/"+id+"/priorities", url.Values{"text": {" "}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Write what your boss cares about.")
	wantStatus(t, c.post("/bosses/"+id+"/priorities", url.Values{"text": {"Hire two engineers"}}), http.StatusSeeOther)
	prio := fmt.Sprint(app.scalar("SELECT id FROM priorities"))
	wantBody(t, c.get("/bosses/"+id), "Hire two engineers", "Active since")

	// The entry form offers the priority, and an entry can link it.
	wantBody(t, c.get("/entries/new"), "Dana: Hire two engineers")
	eid := c.createdID("/entries", entryForm("boss_id", id, "priority_id", prio, "practice", "priorities"), "/entries/")
	wantBody(t, c.get("/entries/"+eid), "Priority:</strong> Hire two engineers")
	wantBody(t, c.get("/bosses/"+id), "Value your leader&#39;s priorities</span></th><td>1</td>")

	wantStatus(t, c.post("/priorities/"+prio, url.Values{"status": {"someday"}}), http.StatusUnprocessableEntity)
	wantStatus(t, c.post("/priorities/"+prio, url.Values{"status": {"done"}}), http.StatusSeeOther)
	if got := app.scalar("SELECT status FROM priorities"); got != "done" {
		t.Errorf("status %v", got)
	}
	if strings.Contains(c.get("/entries/new").body, "Hire two engineers") {
		t.Error("a done priority is still offered")
	}

	// Archiving takes the boss out of the entry form but keeps the history.
	wantStatus(t, c.post("/bosses/"+id+"/archive", url.Values{"archived": {"1"}}), http.StatusSeeOther)
	if strings.Contains(c.get("/entries/new").body, ">Dana</option>") {
		t.Error("an archived boss is offered in the entry form")
	}
	r = c.post("/entries", entryForm("boss_id", id))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "That boss is archived.")
	wantBody(t, c.get("/entries"), "Weekly 1:1 about the launch")
	wantBody(t, c.get("/bosses"), "Archived", "Dana")
	wantStatus(t, c.post("/bosses/"+id+"/archive", url.Values{"archived": {"0"}}), http.StatusSeeOther)
	wantBody(t, c.get("/entries/new"), ">Dana</option>")

	wantStatus(t, c.post("/bosses/"+id, url.Values{"name": {"Dana R."}, "relation": {"executive"}}), http.StatusSeeOther)
	wantBody(t, c.get("/bosses/"+id), "Dana R.", "Executive")
}

func TestEntriesListFiltersAndPages(t *testing.T) {
	_, c := newAnnApp(t)
	dana := c.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	eve := c.createdID("/bosses", url.Values{"name": {"Eve"}, "relation": {"manager"}}, "/bosses/")
	base := time.Now().UTC().AddDate(0, 0, -200)
	for i := range 60 {
		boss, practice := dana, "results"
		if i%2 == 1 {
			boss, practice = eve, "risk"
		}
		date := base.AddDate(0, 0, i).Format(journal.DateLayout)
		c.createdID("/entries", entryForm("boss_id", boss, "occurred_on", date, "summary", fmt.Sprintf("Entry %02d", i), "practice", practice), "/entries/")
	}
	r := c.get("/entries")
	wantBody(t, r, "60 entries", "Entry 59", `rel="next"`)
	if got := strings.Count(r.body, `class="entry-row"`); got != 50 {
		t.Errorf("page 1 shows %d entries, want 50", got)
	}
	r = c.get("/entries?page=2")
	if got := strings.Count(r.body, `class="entry-row"`); got != 10 {
		t.Errorf("page 2 shows %d entries, want 10", got)
	}
	wantBody(t, r, `rel="prev"`, "Entry 00")

	r = c.get("/entries?practice=risk&boss_id=" + eve)
	wantBody(t, r, "30 entries")
	if strings.Contains(r.body, "Entry 00") {
		t.Error("filter by practice and boss shows another boss's entry")
	}
	from := base.AddDate(0, 0, 10).Format(journal.DateLayout)
	to := base.AddDate(0, 0, 19).Format(journal.DateLayout)
	r = c.get("/entries?from=" + from + "&to=" + to)
	wantBody(t, r, "10 entries", "Entry 19", "Entry 10")
	wantStatus(t, c.get("/entries?practice=golf"), http.StatusBadRequest)
	wantStatus(t, c.get("/entries?from=last-week"), http.StatusBadRequest)
}

func TestHomeShowsWeekAndFollowUps(t *testing.T) {
	_, c := newAnnApp(t)
	today := time.Now().In(mustZone(t, "Europe/Berlin")).Format(journal.DateLayout)
	e := c.createdID("/entries", entryForm("new_boss_name", "Dana", "occurred_on", today, "summary", "Today's sync"), "/entries/")
	old := time.Now().UTC().AddDate(0, 0, -30).Format(journal.DateLayout)
	c.createdID("/entries", entryForm("new_boss_name", "Eve", "occurred_on", old, "summary", "Last month"), "/entries/")
	c.post("/entries/"+e+"/followups", url.Values{"text": {"Draft the memo"}, "owner": {"me"}})
	r := c.get("/")
	wantBody(t, r, "Today&#39;s sync", "Draft the memo", "Log an interaction")
	if strings.Contains(r.body, "Last month") {
		t.Error("home's week shows an entry from a month ago")
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// scalar reads one value with a query and its arguments.
func (a *testApp) scalar(q string, args ...any) any {
	a.t.Helper()
	var v any
	if err := a.db.Reader().QueryRow(q, args...).Scan(&v); err != nil {
		a.t.Fatalf("%s: %v", q, err)
	}
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return v
}

// rowsOf counts the rows of table that belong to the account email.
func (a *testApp) rowsOf(table, email string) int {
	a.t.Helper()
	q := "SELECT count(*) FROM " + table + " t JOIN users u ON u.id = t.user_id WHERE u.email = ?"
	var n int
	if err := a.db.Reader().QueryRow(q, email).Scan(&n); err != nil {
		a.t.Fatalf("%s: %v", q, err)
	}
	return n
}

// snapshot summarises every journal table, and what the extra queries
// read, to show nothing changed.
func (a *testApp) snapshot(extra ...string) string {
	a.t.Helper()
	var parts []string
	for _, q := range append([]string{
		"SELECT group_concat(id || name || relation || archived) FROM bosses",
		"SELECT group_concat(id || summary || boss_id || updated_at) FROM entries",
		"SELECT group_concat(entry_id || practice) FROM entry_practices",
		"SELECT group_concat(id || text || coalesce(done_at, '-')) FROM followups",
		"SELECT group_concat(id || text || status) FROM priorities",
	}, extra...) {
		parts = append(parts, fmt.Sprint(a.scalar(q)))
	}
	return strings.Join(parts, " | ")
}

func TestSearchThroughTheList(t *testing.T) {
	app, ann := newAnnApp(t)
	ann.createdID("/entries", entryForm("new_boss_name", "Dana", "summary", "Budget review", "notes", "Cut the **travel** line."), "/entries/")
	ann.createdID("/entries", entryForm("new_boss_name", "Eve", "summary", "Hiring plan", "practice", "team"), "/entries/")
	bob := app.signedUp("bob@example.com")
	bob.createdID("/entries", entryForm("new_boss_name", "Zed", "summary", "Bob's travel budget"), "/entries/")

	r := ann.get("/entries?q=trav")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "1 entry", "Budget review", "<mark>travel</mark>", `value="trav"`)
	if strings.Contains(r.body, "Bob") {
		t.Error("search shows another user's entry")
	}
	for _, q := range []string{`"unbalanced`, "AND OR", "*", "NEAR(", "a:b", `"`} {
		r := ann.get("/entries?q=" + url.QueryEscape(q))
		if r.status != http.StatusOK {
			t.Errorf("q=%q: status %d, want 200", q, r.status)
		}
	}
	// Filters combine with the search, and the pager keeps them all.
	r = ann.get("/entries?q=plan&practice=team")
	wantBody(t, r, "1 entry", "Hiring plan")
	r = ann.get("/entries?q=plan&practice=results")
	wantBody(t, r, "0 entries")
}
