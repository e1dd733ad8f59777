package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// TestWeekPromises checks the ledger in the week's JSON on the week
// fixture (today Fri 2026-11-27, week 2026-W48 = 23–29 Nov), by hand:
//
//	Send the deck       me   due 26 Nov, done 27 Nov  late
//	Intro to the CFO    me   due 28 Nov, done 27 Nov  on time
//	Approve the budget  boss due 24 Nov, open         overdue
//	Draft the roadmap   me   due  2 Dec               next week: not counted
//	Book the offsite    me   due 29 Nov, open         open, not yet due (added here)
//	Ask about the hire  boss due 27 Nov, open         due today: open (added here)
//	Cancelled demo      me   due 25 Nov, withdrawn    withdrawn (added here)
//
// Bob's promise (due 25 Nov) must not appear.
func TestWeekPromises(t *testing.T) {
	f := newWeekFixture(t)
	add := func(text, owner, due string) string {
		wantStatus(t, f.ann.post("/entries/"+f.e2+"/followups", url.Values{"text": {text}, "owner": {owner}, "due_on": {due}}), http.StatusSeeOther)
		return fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = '" + text + "'"))
	}
	add("Book the offsite", "me", "2026-11-29")
	add("Ask about the hire", "boss", "2026-11-27")
	demo := add("Cancelled demo", "me", "2026-11-25")
	wantStatus(t, f.ann.post("/followups/"+demo+"/delete", url.Values{"confirm": {"yes"}}), http.StatusSeeOther)

	var got struct {
		FollowUps struct {
			OnTime map[string]struct{ Due, Kept int } `json:"on_time"`
		} `json:"followups"`
	}
	r := f.ann.get("/weeks/2026-W48.json")
	wantStatus(t, r, http.StatusOK)
	var raw struct {
		Promises map[string]map[string]int `json:"promises"`
	}
	if err := json.Unmarshal([]byte(r.body), &raw); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]int{
		"me":   {"due": 2, "on_time": 1, "late": 1, "overdue": 0, "open": 1, "withdrawn": 1},
		"boss": {"due": 1, "on_time": 0, "late": 0, "overdue": 1, "open": 1, "withdrawn": 0},
	}
	wantPromiseCounts(t, raw.Promises, want)
	// The older figure no longer counts "Book the offsite" (due Sunday) or
	// the boss's promise due today as missed.
	if m := got.FollowUps.OnTime["mine"]; m.Due != 2 || m.Kept != 1 {
		t.Errorf("on_time.mine = %+v, want due 2 kept 1", m)
	}
	if b := got.FollowUps.OnTime["boss"]; b.Due != 1 || b.Kept != 0 {
		t.Errorf("on_time.boss = %+v, want due 1 kept 0", b)
	}
}

// wantPromiseCounts compares the promise counts of each side, mine and the
// boss's, with want.
func wantPromiseCounts(t *testing.T, got, want map[string]map[string]int) {
	t.Helper()
	for side, counts := range want {
		for k, n := range counts {
			if got[side][k] != n {
				t.Errorf("promises.%s.%s = %d, want %d (all: %v)", side, k, got[side][k], n, got)
			}
		}
	}
}
