package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// TestReviewJudgesOnlyDatedPromises: the review's numbers that changed when
// the promise rules were defined once (migration 00016), through the pages.
// On the review fixture (today Fri 27 Nov 2026):
//
//	Call the landlord   me    no due date, done today   not judged (was: kept on time)
//	Approve the budget  boss  due 24 Nov, open, moved   open until 30 Nov passes (was: overdue)
//	                          to 30 Nov
func TestReviewJudgesOnlyDatedPromises(t *testing.T) {
	f := reviewFixture(t)
	shipped := fmtAny(f.app.scalar("SELECT id FROM entries WHERE summary = 'Shipped the billing export'"))
	wantStatus(t, f.ann.post("/entries/"+shipped+"/followups", url.Values{"text": {"Call the landlord"}, "owner": {"me"}, "due_on": {""}}), http.StatusSeeOther)
	call := fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = 'Call the landlord'"))
	wantStatus(t, f.ann.post("/followups/"+call, url.Values{"done": {"1"}}), http.StatusSeeOther)
	budget := fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = 'Approve the budget'"))
	wantStatus(t, f.ann.post("/followups/"+budget+"/edit", url.Values{"text": {"Approve the budget"}, "owner": {"boss"}, "due_on": {"2026-11-30"}}), http.StatusSeeOther)

	g := getReview(t, f.ann, "from=2026-08-01&to=2026-11-30")
	wantPromiseCounts(t, g.Promises, map[string]map[string]int{
		"me":   {"due": 2, "on_time": 1, "late": 1, "overdue": 0, "open": 0, "withdrawn": 0},
		"boss": {"due": 0, "on_time": 0, "late": 0, "overdue": 0, "open": 1, "withdrawn": 0},
	})
	// The entry's undated promise is no evidence of a promise kept on time.
	for _, e := range g.Practices["results"].Entries {
		if e.Summary == "Shipped the billing export" && e.Strength != 0 {
			t.Errorf("Shipped the billing export: strength %d, want 0", e.Strength)
		}
	}
	r := f.ann.get("/review.json?from=2026-08-01&to=2026-11-30")
	var kept struct {
		Practices map[string]struct {
			Entries []struct {
				Summary string
				Kept    int `json:"followups_kept_on_time"`
			}
		}
	}
	if err := json.Unmarshal([]byte(r.body), &kept); err != nil {
		t.Fatal(err)
	}
	for _, e := range kept.Practices["results"].Entries {
		if e.Summary == "Shipped the billing export" && e.Kept != 0 {
			t.Errorf("Shipped the billing export: %d follow-ups kept on time, want 0", e.Kept)
		}
	}
	wantBody(t, f.ann.get("/review.md?from=2026-08-01&to=2026-11-30"),
		"- Mine: 2 promises fell due, 1 kept on time, 1 late, 0 overdue (50% on time); 0 not yet due, 0 withdrawn.",
		"- Made to me: 0 promises fell due, 0 kept on time, 0 late, 0 overdue; 1 not yet due, 0 withdrawn.")

	// The week's ledger and its older figure agree.
	var week struct {
		Promises  map[string]map[string]int `json:"promises"`
		FollowUps struct {
			Overdue int                                `json:"overdue"`
			OnTime  map[string]struct{ Due, Kept int } `json:"on_time"`
		} `json:"followups"`
	}
	if err := json.Unmarshal([]byte(f.ann.get("/weeks/2026-W48.json").body), &week); err != nil {
		t.Fatal(err)
	}
	if b := week.Promises["boss"]; b["overdue"] != 0 || b["open"] != 1 || week.FollowUps.OnTime["boss"].Due != 0 || week.FollowUps.Overdue != 0 {
		t.Errorf("week: boss promises %v, on_time %+v, overdue now %d; want the moved budget open", b, week.FollowUps.OnTime["boss"], week.FollowUps.Overdue)
	}
}
