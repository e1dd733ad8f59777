package journal

import "testing"

func TestPromiseState(t *testing.T) {
	const today = "2026-11-25" // a Wednesday
	tests := []struct {
		name string
		p    Promise
		want PromiseState
	}{
		{"done on the first due date", Promise{FirstDue: "2026-11-20", DoneOn: "2026-11-20"}, PromiseOnTime},
		{"done early", Promise{FirstDue: "2026-11-20", DoneOn: "2026-11-18"}, PromiseOnTime},
		{"done a day late", Promise{FirstDue: "2026-11-20", DoneOn: "2026-11-21"}, PromiseLate},
		// The due date was moved to the 24th: the first date still judges.
		{"done by a moved date is still late", Promise{FirstDue: "2026-11-20", DoneOn: "2026-11-23"}, PromiseLate},
		{"open, past due", Promise{FirstDue: "2026-11-24"}, PromiseOverdue},
		{"open, due today is not overdue", Promise{FirstDue: today}, PromiseOpen},
		{"open, due later in the week", Promise{FirstDue: "2026-11-27"}, PromiseOpen},
		{"open, no date", Promise{}, PromiseOpen},
		{"done, no date", Promise{DoneOn: "2026-11-01"}, PromiseOnTime},
		{"withdrawn wins over done", Promise{FirstDue: "2026-11-01", DoneOn: "2026-11-01", Withdrawn: true}, PromiseWithdrawn},
		{"withdrawn while overdue", Promise{FirstDue: "2026-11-01", Withdrawn: true}, PromiseWithdrawn},
	}
	for _, tt := range tests {
		if got := tt.p.State(today); got != tt.want {
			t.Errorf("%s: State = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestNewLedger(t *testing.T) {
	// The week 2026-W48 (23–29 Nov), seen on Wednesday the 25th.
	const from, to, today = "2026-11-23", "2026-11-29", "2026-11-25"
	ps := []Promise{
		{Owner: "me", FirstDue: "2026-11-23", DoneOn: "2026-11-23"},   // on time
		{Owner: "me", FirstDue: "2026-11-23", DoneOn: "2026-11-24"},   // late
		{Owner: "me", FirstDue: "2026-11-24"},                         // overdue
		{Owner: "me", FirstDue: "2026-11-25"},                         // due today: open
		{Owner: "me", FirstDue: "2026-11-28"},                         // due later in the week: open
		{Owner: "me", FirstDue: "2026-11-28", DoneOn: "2026-11-25"},   // kept early: on time
		{Owner: "me", FirstDue: "2026-11-26", Withdrawn: true},        // withdrawn
		{Owner: "me", FirstDue: "2026-11-22", DoneOn: "2026-11-22"},   // the Sunday before: outside
		{Owner: "me", FirstDue: "2026-11-30"},                         // the Monday after: outside
		{Owner: "boss", FirstDue: "2026-11-29"},                       // last day of the period: open
		{Owner: "boss", FirstDue: "2026-11-23", DoneOn: "2026-12-01"}, // kept after the period: late
		{Owner: "boss", MadeOn: "2026-11-24"},                         // no date, made in the period: open
		{Owner: "boss", MadeOn: "2026-10-01"},                         // no date, made before: outside
	}
	got := NewLedger(ps, from, to, today)
	want := Ledger{
		Me:   PromiseCounts{Due: 4, OnTime: 2, Late: 1, Overdue: 1, Open: 2, Withdrawn: 1},
		Boss: PromiseCounts{Due: 1, Late: 1, Open: 2},
	}
	if got != want {
		t.Errorf("NewLedger =\n%+v, want\n%+v", got, want)
	}
	if r, ok := got.Me.Rate(); !ok || r != 0.5 {
		t.Errorf("Me.Rate = %v, %v; want 0.5", r, ok)
	}
	if _, ok := NewLedger(nil, from, to, today).Me.Rate(); ok {
		t.Error("an empty ledger has a rate")
	}
	// A brand-new account: nothing yet.
	if l := NewLedger(nil, from, to, today); l.Total() != 0 {
		t.Errorf("empty ledger total = %d", l.Total())
	}
}

func TestLedgersByBoss(t *testing.T) {
	ps := []Promise{
		{BossID: 1, Owner: "me", FirstDue: "2026-01-05", DoneOn: "2026-01-05"},
		{BossID: 2, Owner: "boss", FirstDue: "2026-01-05"},
		{BossID: 2, Owner: "me", FirstDue: "2026-01-09", DoneOn: "2026-01-10"},
	}
	var gs []PromiseGroup
	for _, p := range ps {
		gs = append(gs, p.Group("2026-02-01"))
	}
	gs = append(gs, PromiseGroup{BossID: 1, Owner: "boss", Withdrawn: true, N: 3})
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
