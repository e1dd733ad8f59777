package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// fixedApp is a test app whose clock stands at Friday 27 Nov 2026, noon
// UTC, with Ann (Europe/Berlin) signed in and one boss, Dana.
func fixedApp(t *testing.T) (*testApp, *client, string) {
	t.Helper()
	app := newTestApp(t)
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	app.setNow(now)
	ann := app.signedUp("ann@example.com")
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	return app, ann, dana
}

// blockForm is a valid entry with Dana on date, tagged results only, plus
// the given fields; "option" and "practice" add to what is there.
func blockForm(boss, date string, pairs ...string) url.Values {
	v := url.Values{
		"boss_id": {boss}, "occurred_on": {date}, "kind": {"one_on_one"},
		"summary": {"Talked through the release"}, "notes": {"Kept *notes*"}, "practice": {"results"},
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == "option" || pairs[i] == "practice" {
			v.Add(pairs[i], pairs[i+1])
		} else {
			v.Set(pairs[i], pairs[i+1])
		}
	}
	return v
}

func TestProblemBlockValidation(t *testing.T) {
	app, ann, dana := fixedApp(t)
	long := func(n int) string { return strings.Repeat("p", n) }
	tests := []badEntry{
		{"no option", blockForm(dana, "2026-11-26", "problem", "QA <stalls> releases", "recommendation", "Automate"), "option", "Bring at least one option and say which you recommend"},
		{"no recommendation", blockForm(dana, "2026-11-26", "problem", "QA <stalls> releases", "option", "Automate", "option", "Hire"), "option", "Bring at least one option and say which you recommend"},
		{"empty boxes only", blockForm(dana, "2026-11-26", "problem", "QA <stalls> releases", "option", " ", "option", "", "recommendation", "Automate"), "option", "Bring at least one option and say which you recommend"},
		{"options without a problem", blockForm(dana, "2026-11-26", "option", "Automate", "recommendation", "Automate"), "problem", "Say what the problem is"},
		{"long problem", blockForm(dana, "2026-11-26", "problem", long(501), "option", "Automate", "recommendation", "Automate"), "problem", "500 characters"},
		{"long option", blockForm(dana, "2026-11-26", "problem", "QA <stalls> releases", "option", long(301), "recommendation", "Automate"), "option", "300 characters"},
		{"six options", blockForm(dana, "2026-11-26", "problem", "QA <stalls> releases", "option", "1", "option", "2", "option", "3", "option", "4", "option", "5", "option", "6", "recommendation", "1"), "option", "at most five"},
		{"long recommendation", blockForm(dana, "2026-11-26", "problem", "QA <stalls> releases", "option", "Automate", "recommendation", long(501)), "recommendation", "500 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := wantEntryRefused(t, app, ann, tt.form, tt.field, tt.msg, "entries", "problems", "entry_practices")
			wantBody(t, r, ">Kept *notes*</textarea>", `<details class="entry-block" open>`)
			if p := tt.form.Get("problem"); p != "" {
				wantBody(t, r, ">"+htmlEscape(p)+"</textarea>")
			}
			for i, o := range tt.form["option"] {
				if i < 5 && o != "" {
					wantBody(t, r, `id="option-`+itoa(i+1)+`" name="option" type="text" value="`+o+`"`)
				}
			}
			if rec := tt.form.Get("recommendation"); rec != "" {
				wantBody(t, r, ">"+rec+"</textarea>")
			}
		})
	}
}

func TestProblemGivesTheSolutionsPracticeAndADecision(t *testing.T) {
	app, ann, dana := fixedApp(t)
	form := blockForm(dana, "2026-11-24", "problem", "Releases stall on manual QA", "option", "Automate the smoke tests", "option", "", "option", "Hire a tester",
		"recommendation", "Automate first")
	form.Del("practice") // the block alone is enough to tag the entry
	id := ann.createdID("/entries", form, "/entries/")
	if got := app.scalar("SELECT group_concat(practice) FROM entry_practices WHERE entry_id = " + id); got != "solutions" {
		t.Errorf("practices %v, want solutions", got)
	}
	if got := app.scalar("SELECT options FROM problems WHERE entry_id = " + id); got != `["Automate the smoke tests","Hire a tester"]` {
		t.Errorf("options stored as %v", got)
	}
	page := ann.get("/entries/" + id)
	wantBody(t, page, "Problem raised", "<li>Automate the smoke tests</li>", "<li>Hire a tester</li>", "Automate first", "Still open", `action="/entries/`+id+`/decision"`)

	// The solutions practice is counted and filtered like any other.
	wantBody(t, ann.get("/entries?practice=solutions"), "1 entry")

	// Decisions: dates checked against the entry and today; nothing written on a 422.
	decision := closing{action: "decision", dateField: "decided_on", textField: "note",
		state: "SELECT decision || coalesce(decided_on, '-') FROM problems WHERE entry_id = " + id, open: "open-"}
	decision.wantRefused(t, app, ann, id, []refusal{
		{url.Values{"decision": {"taken"}, "decided_on": {"2026-11-23"}, "note": {"Too early"}}, "decided_on"},
		{url.Values{"decision": {"taken"}, "decided_on": {"2026-11-28"}, "note": {"Too late"}}, "decided_on"},
		{url.Values{"decision": {"perhaps"}, "decided_on": {"2026-11-25"}, "note": {"Odd"}}, "decision"},
		{url.Values{"decision": {"taken"}, "decided_on": {"2026-11-25"}, "note": {strings.Repeat("n", 1001)}}, "note"},
	})
	r := ann.post("/entries/"+id+"/decision", url.Values{"decision": {"taken"}, "decided_on": {"2026-11-24"}, "note": {"Pilot in Q1"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, ann.get("/entries/"+id), "Recommendation taken", "Tue 24 Nov 2026", "Pilot in Q1")

	// Another user's entry is a 404, with or without a problem; so is an entry without one.
	decision.wantOnlyOwnerCloses(t, app, ann, dana, id, url.Values{"decision": {"declined"}, "decided_on": {"2026-11-25"}})
	if got := app.scalar("SELECT decision || decision_note FROM problems WHERE entry_id = " + id); got != "takenPilot in Q1" {
		t.Errorf("bob changed ann's decision: %v", got)
	}
}

func TestEditingAnEntryKeepsOrClearsItsProblem(t *testing.T) {
	app, ann, dana := fixedApp(t)
	id := ann.createdID("/entries", blockForm(dana, "2026-11-24", "problem", "Slow builds", "option", "Cache", "recommendation", "Cache"), "/entries/")
	wantStatus(t, ann.post("/entries/"+id+"/decision", url.Values{"decision": {"changed"}, "decided_on": {"2026-11-25"}}), http.StatusSeeOther)
	edit := ann.get("/entries/" + id + "/edit")
	wantBody(t, edit, ">Slow builds</textarea>", `value="Cache"`, `<details class="entry-block" open>`)

	// A new option keeps the decision.
	form := blockForm(dana, "2026-11-24", "problem", "Slow builds", "option", "Cache", "option", "Split", "recommendation", "Cache", "practice", "solutions")
	wantStatus(t, ann.post("/entries/"+id, form), http.StatusSeeOther)
	if got := app.scalar("SELECT options || decision FROM problems WHERE entry_id = " + id); got != `["Cache","Split"]changed` {
		t.Errorf("after the edit: %v", got)
	}
	// Clearing the block removes the problem and leaves the practice.
	form = blockForm(dana, "2026-11-24", "problem", "", "option", "", "recommendation", "", "practice", "solutions")
	wantStatus(t, ann.post("/entries/"+id, form), http.StatusSeeOther)
	if n := app.count("problems"); n != 0 {
		t.Errorf("problems = %d after clearing the block", n)
	}
	if got := app.scalar("SELECT count(*) FROM entry_practices WHERE practice = 'solutions'"); got != int64(1) {
		t.Errorf("solutions practice rows = %v, want 1", got)
	}
	// Deleting the entry deletes a problem and a bet with it.
	id = ann.createdID("/entries", blockForm(dana, "2026-11-24", "problem", "p", "option", "o", "recommendation", "r", "bet", "b", "review_on", "2026-12-01"), "/entries/")
	wantStatus(t, ann.post("/entries/"+id+"/delete", url.Values{"confirm": {"yes"}}), http.StatusSeeOther)
	if p, b := app.count("problems"), app.count("bets"); p != 0 || b != 0 {
		t.Errorf("after deleting the entry: problems %d, bets %d", p, b)
	}
}
