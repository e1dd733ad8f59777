package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// blocksFixture logs problems and bets around week 2026-W48 (Mon 23 – Sun
// 29 Nov 2026) with "now" Friday 27 Nov; the expected numbers are worked
// out by hand in TestWeekJSONProblemsAndBets.
type blocksFixture struct {
	app        *testApp
	ann, bob   *client
	dana, eve  string
	ids        map[string]string // label → entry id
	bobEntryID string
}

func newBlocksFixture(t *testing.T) *blocksFixture {
	f := newBlocksBase(t)
	ann, dana := f.ann, f.dana
	problem := func(label, boss, date, decision, decidedOn string) {
		id := ann.createdID("/entries", blockForm(boss, date, "summary", "Entry "+label, "problem", "Problem "+label,
			"option", "Option A of "+label, "option", "Option B of "+label, "recommendation", "Take A of "+label), "/entries/")
		if decision != "" {
			wantStatusT(t, ann.post("/entries/"+id+"/decision", url.Values{"decision": {decision}, "decided_on": {decidedOn}}), http.StatusSeeOther)
		}
		f.ids[label] = id
	}
	problem("P1", dana, "2026-11-23", "taken", "2026-11-25")
	problem("P2", dana, "2026-11-24", "", "")
	problem("P3", dana, "2026-11-10", "changed", "2026-11-26")
	problem("P4", dana, "2026-11-02", "declined", "2026-11-05")
	problem("P5", dana, "2026-11-20", "", "")
	problem("P6", dana, "2025-10-01", "taken", "2025-10-02")
	problem("P7", f.eve, "2026-11-26", "open", "2026-11-26")

	bet := func(label, boss, date, reviewOn, outcome, reviewedOn string) {
		id := ann.createdID("/entries", blockForm(boss, date, "summary", "Entry "+label, "bet", "Bet "+label, "review_on", reviewOn), "/entries/")
		if outcome != "" {
			wantStatusT(t, ann.post("/entries/"+id+"/outcome", url.Values{"outcome": {outcome}, "reviewed_on": {reviewedOn}}), http.StatusSeeOther)
		}
		f.ids[label] = id
	}
	bet("B1", dana, "2026-11-23", "2026-11-26", "", "")
	bet("B2", dana, "2026-11-24", "2026-11-28", "", "")
	bet("B3", dana, "2026-11-02", "2026-11-20", "better", "2026-11-23")
	bet("B4", dana, "2026-11-03", "2026-11-10", "worse", "2026-11-25")
	bet("B5", dana, "2026-11-04", "2026-11-09", "called_off", "2026-11-27")
	bet("B6", dana, "2026-10-01", "2026-10-15", "as_expected", "2026-10-16")
	bet("B7", f.eve, "2026-11-05", "2026-11-12", "", "")
	bet("B8", dana, "2025-06-01", "2025-06-10", "worse", "2025-06-11")

	// Bob's open problem and due bet must never count for Ann.
	f.addBob(func(zed string) url.Values {
		return blockForm(zed, "2026-11-24", "problem", "Bob's problem", "option", "o", "recommendation", "r", "bet", "Bob's bet", "review_on", "2026-11-25")
	})
	return f
}

func TestWeekJSONProblemsAndBets(t *testing.T) {
	f := newBlocksFixture(t)
	var got struct {
		Problems    map[string]int `json:"problems"`
		Bets        map[string]int `json:"bets"`
		Solutions   map[string]int `json:"solutions_12_months"`
		Calibration map[string]int `json:"calibration_12_months"`
		Practices   map[string]int `json:"practices"`
	}
	getJSON(t, f.ann, "/weeks/2026-W48.json", &got)
	want := map[string]map[string]int{
		// Raised in the week: P1 (23rd), P2 (24th), P7 (26th). Open, raised by the
		// 29th: P2, P5, P7 (recorded as still open). Decided in the week: P1
		// taken (25th), P3 changed (26th); P4 was declined on 5 Nov.
		"problems": {"raised": 3, "open": 3, "taken": 1, "changed": 1, "declined": 0},
		// Placed: B1, B2. Due by today (27th), no outcome: B1 (26th), B7 (12th);
		// B2's review is tomorrow. Reviewed in the week: B3 better (23rd), B4
		// worse (25th), B5 called off (27th).
		"bets": {"placed": 2, "due": 2, "reviewed": 3, "better": 1, "as_expected": 0, "worse": 1, "called_off": 1},
		// 30 Nov 2025 – 29 Nov 2026: P1–P5 and P7 raised (P6 is older), P1 taken.
		"solutions": {"raised": 6, "taken": 1},
		// Reviewed in the window: B3 better, B4 worse, B6 as expected; B5 was
		// called off and never played out; B8 is older.
		"calibration": {"reviewed": 3, "as_expected_or_better": 2},
	}
	for name, g := range map[string]map[string]int{"problems": got.Problems, "bets": got.Bets, "solutions": got.Solutions, "calibration": got.Calibration} {
		if len(g) != len(want[name]) {
			t.Errorf("%s has keys %v, want %v", name, g, want[name])
		}
		for k, n := range want[name] {
			if g[k] != n {
				t.Errorf("%s.%s = %d, want %d", name, k, g[k], n)
			}
		}
	}
	// The blocks tagged their entries: P1, P2, P7 with solutions; B1, B2 with risk.
	if got.Practices["solutions"] != 3 || got.Practices["risk"] != 2 {
		t.Errorf("practices %v, want solutions 3 and risk 2", got.Practices)
	}

	page := f.ann.get("/weeks/2026-W48")
	wantBody(t, page, "3 problems still wait for a decision.", "2 bets are past their review date.",
		"Of 6 problems raised in the last 12 months, 1 ended with your recommendation taken (17%).",
		"Of 3 bets reviewed in the last 12 months, 2 came out as expected or better (67%).",
		"Bets to review", "Bet B1", "Bet B7")
	if strings.Contains(page.body, "Bet B2") || strings.Contains(page.body, "Bob") {
		t.Error("the week page lists a bet not yet due, or Bob's")
	}
}

func TestPrepAndUpdateShowOpenProblemsAndDueBets(t *testing.T) {
	f := newBlocksFixture(t)
	prep := f.ann.get("/bosses/" + f.dana + "/prep")
	wantStatus(t, prep, http.StatusOK)
	wantBody(t, prep, "Problems awaiting a decision", "Problem P2", "Problem P5", "Take A of P5", "Bets due for review", "Bet B1")
	for _, other := range []string{"Problem P7", "Problem P1", "Bet B7", "Bet B2", "Bob"} {
		if strings.Contains(prep.body, other) {
			t.Errorf("Dana's prep page shows %q", other)
		}
	}
	md := f.ann.get("/bosses/" + f.dana + "/prep.md")
	wantBody(t, md, "## Problems awaiting a decision", "- **Problem P2**", "## Bets due for review", "- Bet B1 (placed Mon 23 Nov, review since Thu 26 Nov)")

	upd := f.ann.get("/weeks/2026-W48.md?boss_id=" + f.dana)
	wantStatus(t, upd, http.StatusOK)
	wantBody(t, upd, "## Decisions I need\n\n- **Problem P5** (raised Fri 20 Nov)\n  - Option 1: Option A of P5\n  - Option 2: Option B of P5\n  - I recommend: Take A of P5\n- **Problem P2**")
	if strings.Contains(upd.body, "Problem P7") {
		t.Error("Dana's update asks for Eve's decision")
	}
	wantBody(t, f.ann.get("/weeks/2026-W48.md"), "Problem P7")
	// Bob sees none of it.
	if strings.Contains(f.bob.get("/weeks/2026-W48.md").body, "Problem P") {
		t.Error("Bob's update shows Ann's problems")
	}
}
