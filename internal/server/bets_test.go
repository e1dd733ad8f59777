package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestBetBlockValidation(t *testing.T) {
	app, ann, dana := fixedApp(t)
	tests := []badEntry{
		{"no bet", blockForm(dana, "2026-11-26", "bet", "", "downside", "A lost week", "mitigation", "Timebox", "review_on", "2026-12-10"), "bet", "what you expect to happen"},
		{"long bet", blockForm(dana, "2026-11-26", "bet", strings.Repeat("b", 301), "downside", "A lost week", "review_on", "2026-12-10"), "bet", "300 characters"},
		{"long downside", blockForm(dana, "2026-11-26", "bet", "They back it", "downside", strings.Repeat("d", 301), "review_on", "2026-12-10"), "downside", "300 characters"},
		{"long mitigation", blockForm(dana, "2026-11-26", "bet", "They back it", "mitigation", strings.Repeat("m", 301), "review_on", "2026-12-10"), "mitigation", "300 characters"},
		{"no review date", blockForm(dana, "2026-11-26", "bet", "They back it", "downside", "A lost week", "review_on", ""), "review_on", "look back"},
		{"review on the entry's day", blockForm(dana, "2026-11-26", "bet", "They back it", "downside", "A lost week", "review_on", "2026-11-26"), "review_on", "after the day of the entry"},
		{"review not a date", blockForm(dana, "2026-11-26", "bet", "They back it", "downside", "A lost week", "review_on", "soon"), "review_on", "YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := wantEntryRefused(t, app, ann, tt.form, tt.field, tt.msg, "entries", "bets", "entry_practices")
			wantTypedText(t, r, tt.form, "bet", "downside", "mitigation")
			wantTypedDates(t, r, tt.form, "review_on")
		})
	}
}

func TestBetGivesTheRiskPracticeAndAnOutcome(t *testing.T) {
	app, ann, dana := fixedApp(t)
	id := ann.createdID("/entries", blockForm(dana, "2026-11-20", "bet", "Dana backs a pilot without a business case", "downside", "Credibility",
		"mitigation", "Keep it to two weeks", "review_on", "2026-11-26"), "/entries/")
	if got := app.scalar("SELECT group_concat(practice) FROM (SELECT practice FROM entry_practices WHERE entry_id = " + id + " ORDER BY practice)"); got != "results,risk" {
		t.Errorf("practices %v, want results,risk", got)
	}
	// Past its review date, it shows below the capture form on home.
	home := ann.get("/")
	wantBody(t, home, "Bets to review", "Dana backs a pilot without a business case")
	if strings.Index(home.body, "Bets to review") < strings.Index(home.body, `class="card entry-form"`) {
		t.Error("Bets to review comes before the capture form")
	}
	wantBody(t, ann.get("/entries/"+id), "Bet placed", "Credibility", "Keep it to two weeks", "due for review", `action="/entries/`+id+`/outcome"`)

	outcome := closing{action: "outcome", dateField: "reviewed_on", textField: "lesson",
		state: "SELECT coalesce(outcome, '-') FROM bets WHERE entry_id = " + id, open: "-"}
	outcome.wantRefused(t, app, ann, id, []refusal{
		{url.Values{"outcome": {"better"}, "reviewed_on": {"2026-11-19"}, "lesson": {"Early"}}, "reviewed_on"},
		{url.Values{"outcome": {"better"}, "reviewed_on": {"2026-11-28"}, "lesson": {"Late"}}, "reviewed_on"},
		{url.Values{"outcome": {"great"}, "reviewed_on": {"2026-11-27"}, "lesson": {"Odd"}}, "outcome"},
		{url.Values{"outcome": {"worse"}, "reviewed_on": {"2026-11-27"}, "lesson": {strings.Repeat("l", 1001)}}, "lesson"},
	})
	lesson := strings.Repeat("l", 1000)
	wantStatus(t, ann.post("/entries/"+id+"/outcome", url.Values{"outcome": {"better"}, "reviewed_on": {"2026-11-27"}, "lesson": {lesson}}), http.StatusSeeOther)
	wantBody(t, ann.get("/entries/"+id), "Better than expected", lesson)
	if strings.Contains(ann.get("/").body, "Bets to review") {
		t.Error("a reviewed bet is still to review on home")
	}

	outcome.wantOnlyOwnerCloses(t, app, ann, dana, id, url.Values{"outcome": {"worse"}, "reviewed_on": {"2026-11-27"}})
	if got := app.scalar("SELECT outcome FROM bets WHERE entry_id = " + id); got != "better" {
		t.Errorf("bob changed ann's outcome: %v", got)
	}
}
