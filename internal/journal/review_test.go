package journal

import (
	"slices"
	"testing"
)

func TestReviewPeriods(t *testing.T) {
	p := DefaultReviewPeriod("2026-11-27")
	if p.From != "2026-05-01" || p.To != "2026-10-31" {
		t.Errorf("default = %+v", p)
	}
	// January: the six months of the year before.
	if p := DefaultReviewPeriod("2026-01-15"); p.From != "2025-07-01" || p.To != "2025-12-31" {
		t.Errorf("default in January = %+v", p)
	}
	q := QuickPeriods("2026-11-27")
	want := []Period{
		{"Last quarter", "2026-07-01", "2026-09-30"},
		{"Last half", "2026-01-01", "2026-06-30"},
		{"This year", "2026-01-01", "2026-11-27"},
	}
	if !slices.Equal(q, want) {
		t.Errorf("quick = %+v", q)
	}
	if q := QuickPeriods("2026-02-01"); q[0].From != "2025-10-01" || q[1].From != "2025-07-01" || q[1].To != "2025-12-31" {
		t.Errorf("quick in February = %+v", q)
	}
}

func TestParseReviewPeriod(t *testing.T) {
	const today = "2026-11-27"
	tests := []struct {
		from, to string
		ok       bool
		want     [2]string
	}{
		{"", "", true, [2]string{"2026-05-01", "2026-10-31"}},
		{"2026-01-01", "2026-03-31", true, [2]string{"2026-01-01", "2026-03-31"}},
		{"2026-03-31", "2026-03-31", true, [2]string{"2026-03-31", "2026-03-31"}},
		{"2026-04-01", "2026-03-31", false, [2]string{}},
		{"2026-02-30", "2026-03-31", false, [2]string{}},
		{"yesterday", "", false, [2]string{}},
		{"2010-01-01", "2026-01-01", false, [2]string{}},
		{"2021-11-27", "2026-11-27", true, [2]string{"2021-11-27", "2026-11-27"}},
	}
	for _, tt := range tests {
		p, err := ParseReviewPeriod(tt.from, tt.to, today)
		if (err == nil) != tt.ok {
			t.Errorf("%s..%s: err = %v", tt.from, tt.to, err)
			continue
		}
		if tt.ok && [2]string{p.From, p.To} != tt.want {
			t.Errorf("%s..%s: got %s..%s", tt.from, tt.to, p.From, p.To)
		}
	}
}

func TestMonths(t *testing.T) {
	got := Months("2025-11-15", "2026-02-01")
	if !slices.Equal(got, []string{"2025-11", "2025-12", "2026-01", "2026-02"}) {
		t.Errorf("Months = %v", got)
	}
	if got := Months("2026-03-01", "2026-03-31"); !slices.Equal(got, []string{"2026-03"}) {
		t.Errorf("one month = %v", got)
	}
}

func TestSelectStrongest(t *testing.T) {
	ev := func(id int64, date string, kept int, prio, dec, bet bool) Evidence {
		return Evidence{Entry: &Entry{ID: id, OccurredOn: date}, Kept: kept, Priority: prio, Decided: dec, BetReviewed: bet}
	}
	cands := []Evidence{
		ev(1, "2026-01-01", 0, false, false, false), // nothing: filler
		ev(2, "2026-01-02", 1, false, false, false), // 3
		ev(3, "2026-01-03", 0, true, false, false),  // 2
		ev(4, "2026-01-04", 1, true, true, false),   // 7
		ev(5, "2026-01-05", 0, false, false, true),  // 2, later than 3
		ev(6, "2026-01-06", 0, false, false, false), // nothing, later than 1
	}
	ids := func(es []Evidence) []int64 {
		var out []int64
		for _, e := range es {
			out = append(out, e.Entry.ID)
		}
		return out
	}
	if got := ids(SelectStrongest(cands, 4)); !slices.Equal(got, []int64{4, 2, 5, 3}) {
		t.Errorf("top 4 = %v", got)
	}
	if got := ids(SelectStrongest(cands, 10)); !slices.Equal(got, []int64{4, 2, 5, 3, 6, 1}) {
		t.Errorf("all = %v", got)
	}
	if got := SelectStrongest(nil, 5); len(got) != 0 {
		t.Errorf("empty = %v", got)
	}
	if got := ev(9, "", 2, true, true, true).Strength(); got != 2*WeightKept+WeightPriority+WeightDecision+WeightBet {
		t.Errorf("strength = %d", got)
	}
}
