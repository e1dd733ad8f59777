package journal

import (
	"slices"
	"testing"
)

func TestPriorityDrift(t *testing.T) {
	const today = "2026-11-25"
	acts := []PriorityActivity{
		{PriorityID: 1, NotedOn: "2026-01-01", Short: 2, Long: 5, LastTouched: "2026-11-20"},
		{PriorityID: 2, NotedOn: "2026-01-01", Short: 0, Long: 1, LastTouched: "2026-11-05"}, // 20 days: 2 weeks
		{PriorityID: 3, NotedOn: "2026-01-01", Short: 0, Long: 1, LastTouched: "2026-11-04"}, // 21 days: 3 weeks, flagged
		{PriorityID: 4, NotedOn: "2026-11-20"},                                               // new, untouched: not yet
		{PriorityID: 5, NotedOn: "2026-10-01"},                                               // old, never touched: flagged
	}
	for i := range acts {
		acts[i].BossEntries = 10
	}
	got := PriorityDrift(acts, today)
	type row struct {
		weeks int
		flag  bool
		share float64
	}
	want := []row{{0, false, 0.5}, {2, false, 0.1}, {3, true, 0.1}, {0, false, 0}, {7, true, 0}}
	for i, w := range want {
		g := row{got[i].WeeksSince, got[i].Flag, got[i].Share}
		if g != w {
			t.Errorf("priority %d: got %+v, want %+v", acts[i].PriorityID, g, w)
		}
	}
	// No boss entries: no share, no division by zero.
	if len(Flagged(got)) != 2 || Flagged(got)[0].PriorityID != 3 {
		t.Errorf("flagged = %+v", Flagged(got))
	}
	acts[0].BossEntries = 0
	if d := PriorityDrift(acts[:1], today); d[0].Share != 0 {
		t.Errorf("share with no entries = %v", d[0].Share)
	}
}

func TestDriftWindows(t *testing.T) {
	short, long := DriftWindows("2026-11-25")
	if short != "2026-10-29" || long != "2026-09-03" {
		t.Errorf("windows = %s, %s", short, long)
	}
}

func TestNeglectedFourWeeks(t *testing.T) {
	w := WeekOfDate("2026-11-25") // 2026-W48, 23–29 Nov; three weeks before start 2026-11-02
	counts := NewPracticeCounts()
	counts["results"] = 3
	tests := []struct {
		name, first string
		want        []string
	}{
		{"brand-new account, first entry this week", "2026-11-24", nil},
		{"history starts in the fourth week back, its last day", "2026-11-08", Zeros(counts)},
		{"history starts the day after: three weeks only", "2026-11-09", nil},
		{"back-filled history from last year", "2025-06-01", Zeros(counts)},
		{"no entries at all", "", nil},
	}
	for _, tt := range tests {
		if got := NeglectedFourWeeks(counts, tt.first, w); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestIsQuiet(t *testing.T) {
	w := WeekOfDate("2026-11-25") // quiet when the last entry is before 2026-11-09
	tests := []struct {
		name, last, first string
		want              bool
	}{
		{"entry this week", "2026-11-24", "2024-01-01", false},
		{"last entry on the first day of the window", "2026-11-09", "2024-01-01", false},
		{"last entry the day before the window", "2026-11-08", "2024-01-01", true},
		// A boss added today with back-filled entries from last year is quiet
		// by its entries, not by when the row was made.
		{"back-filled boss", "2025-10-01", "2025-10-01", true},
		{"never logged, new account", "", "2026-11-24", false},
		{"never logged, user with history", "", "2026-01-01", true},
		{"never logged, no entries at all", "", "", false},
	}
	for _, tt := range tests {
		if got := IsQuiet(tt.last, tt.first, w); got != tt.want {
			t.Errorf("%s: IsQuiet = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestStreakStart(t *testing.T) {
	w := WeekOfDate("2026-11-25")
	if got := StreakStart(w, 0, "2026-11-25"); got != w.Add(-1) {
		t.Errorf("empty current week starts at %v", got)
	}
	if got := StreakStart(w, 2, "2026-11-25"); got != w {
		t.Errorf("current week with entries starts at %v", got)
	}
	if got := StreakStart(w, 0, "2026-12-10"); got != w {
		t.Errorf("an empty past week starts at %v (it breaks the streak)", got)
	}
}
