package journal

import "testing"

// The rules that judge a promise are SQL (migration 00016); their oracle
// and its tests are in internal/sqlite/promise_oracle_test.go.

func TestLedgerOf(t *testing.T) {
	gs := []PromiseGroup{
		{Owner: "me", State: PromiseOnTime, N: 2}, {Owner: "me", State: PromiseLate, N: 1},
		{Owner: "me", State: PromiseOverdue, N: 1}, {Owner: "me", State: PromiseOpen, N: 2},
		{Owner: "me", State: PromiseWithdrawn, N: 1}, {Owner: "boss", State: PromiseUnjudged, N: 3},
		{Owner: "boss", State: PromiseLate, N: 1},
	}
	got := LedgerOf(gs)
	want := Ledger{
		Me:   PromiseCounts{Due: 4, OnTime: 2, Late: 1, Overdue: 1, Open: 2, Withdrawn: 1},
		Boss: PromiseCounts{Due: 1, Late: 1, Unjudged: 3},
	}
	if got != want {
		t.Errorf("LedgerOf =\n%+v, want\n%+v", got, want)
	}
	if r, ok := got.Me.Rate(); !ok || r != 0.5 {
		t.Errorf("Me.Rate = %v, %v; want 0.5", r, ok)
	}
	// Unjudged promises count in the total (the ledger is shown) but in no rate.
	if got.Total() != 11 {
		t.Errorf("Total = %d, want 11", got.Total())
	}
	if r, ok := got.Boss.Rate(); !ok || r != 0 {
		t.Errorf("Boss.Rate = %v, %v; want 0", r, ok)
	}
	if l := LedgerOf(nil); l.Total() != 0 {
		t.Errorf("empty ledger total = %d", l.Total())
	}
	if _, ok := LedgerOf(nil).Me.Rate(); ok {
		t.Error("an empty ledger has a rate")
	}
}

func TestLedgersByBoss(t *testing.T) {
	gs := []PromiseGroup{
		{BossID: 1, Owner: "me", State: PromiseOnTime, N: 1},
		{BossID: 2, Owner: "boss", State: PromiseOverdue, N: 1},
		{BossID: 2, Owner: "me", State: PromiseLate, N: 1},
		{BossID: 1, Owner: "boss", State: PromiseWithdrawn, N: 3},
	}
	got := LedgersByBoss(gs)
	if got[1].Me != (PromiseCounts{Due: 1, OnTime: 1}) || got[1].Boss != (PromiseCounts{Withdrawn: 3}) {
		t.Errorf("boss 1 = %+v", got[1])
	}
	if got[2].Me != (PromiseCounts{Due: 1, Late: 1}) || got[2].Boss != (PromiseCounts{Due: 1, Overdue: 1}) {
		t.Errorf("boss 2 = %+v", got[2])
	}
}

func TestQuarterStart(t *testing.T) {
	for in, want := range map[string]string{
		"2026-01-01": "2026-01-01", "2026-03-31": "2026-01-01", "2026-04-01": "2026-04-01",
		"2026-11-27": "2026-10-01", "2026-12-31": "2026-10-01",
	} {
		if got := QuarterStart(in); got != want {
			t.Errorf("QuarterStart(%s) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{"2026-01-01": "2026-03-31", "2026-05-31": "2026-06-30", "2026-11-27": "2026-12-31", "2024-02-29": "2024-03-31"} {
		if got := QuarterEnd(in); got != want {
			t.Errorf("QuarterEnd(%s) = %s, want %s", in, got, want)
		}
	}
}
