package journal

import "time"

// Drift thresholds.
const (
	DriftShortWeeks = 4  // the recent window of a priority's entries
	DriftLongWeeks  = 12 // the longer window, and the base of the share
	DriftFlagWeeks  = 3  // untouched this long (or longer) is flagged
	NeglectWeeks    = 4  // "absent four weeks running" needs this much history
	QuietWeeks      = 3  // a boss with no entry this long is quiet
)

// PriorityActivity is what the store counts for one active priority.
type PriorityActivity struct {
	PriorityID  int64
	PublicID    string
	Text        string
	NotedOn     string
	BossID      int64
	BossName    string
	Short, Long int    // linked entries in the last DriftShortWeeks and DriftLongWeeks weeks
	LastTouched string // latest linked entry; "" when none
	BossEntries int    // all the boss's entries in the last DriftLongWeeks weeks
}

// Drift is how one priority has been served lately.
type Drift struct {
	PriorityActivity
	Share      float64 // Long over the boss's entries in the same DriftLongWeeks weeks
	WeeksSince int     // whole weeks since LastTouched (or since NotedOn when never touched)
	Flag       bool    // untouched for DriftFlagWeeks weeks
}

// DriftWindows returns the first days of the short and long windows ending
// today.
func DriftWindows(today string) (short, long string) {
	return AddDays(today, -7*DriftShortWeeks+1), AddDays(today, -7*DriftLongWeeks+1)
}

// PriorityDrift judges each priority on today. A priority noted less than DriftFlagWeeks
// ago and never touched is not flagged: it has not had the time. One noted
// after today (a past week judged as of its end) did not exist yet, and is
// left out.
func PriorityDrift(acts []PriorityActivity, today string) []Drift {
	out := make([]Drift, 0, len(acts))
	for _, a := range acts {
		if a.NotedOn > today {
			continue
		}
		d := Drift{PriorityActivity: a}
		if a.BossEntries > 0 {
			d.Share = float64(a.Long) / float64(a.BossEntries)
		}
		since := a.LastTouched
		if since == "" {
			since = a.NotedOn
		}
		d.WeeksSince = DaysBetween(since, today) / 7
		d.Flag = d.WeeksSince >= DriftFlagWeeks
		out = append(out, d)
	}
	return out
}

// Flagged returns the drifting priorities only.
func Flagged(ds []Drift) []Drift {
	var out []Drift
	for _, d := range ds {
		if d.Flag {
			out = append(out, d)
		}
	}
	return out
}

// DaysBetween counts days from a to b (negative when b is earlier); 0 when
// either date is malformed.
func DaysBetween(a, b string) int {
	ta, ok1 := ParseDate(a)
	tb, ok2 := ParseDate(b)
	if !ok1 || !ok2 {
		return 0
	}
	return int(tb.Sub(ta) / (24 * time.Hour))
}

// HasHistory reports whether the user's first entry is at least weeks ISO
// weeks old by the end of week w, counting w itself: an account's age, or a
// boss row's, says nothing about how long the user has kept the journal
// (back-filled history counts).
func HasHistory(firstEntry string, w Week, weeks int) bool {
	return firstEntry != "" && firstEntry <= w.Add(-(weeks-1)).End
}

// NeglectedFourWeeks returns the practices absent in w and the three weeks
// before it, or nothing while the user's history is shorter than that.
func NeglectedFourWeeks(counts map[string]int, firstEntry string, w Week) []string {
	if !HasHistory(firstEntry, w, NeglectWeeks) {
		return nil
	}
	return Zeros(counts)
}

// IsQuiet reports whether a boss is quiet in week w: the last entry with
// the boss is from before w and the QuietWeeks-1 weeks before it. A boss
// never logged is quiet only once the user has QuietWeeks weeks of history.
func IsQuiet(lastEntry, firstEntry string, w Week) bool {
	since := w.Add(-(QuietWeeks - 1)).Start
	if lastEntry == "" {
		return HasHistory(firstEntry, w, QuietWeeks)
	}
	return lastEntry < since
}

// StreakStart is the week the streak counts back from: w, or the week
// before while w is the current week and still empty (the week is not over,
// so it has not broken the streak).
func StreakStart(w Week, total int, today string) Week {
	if total == 0 && w.Contains(today) {
		return w.Add(-1)
	}
	return w
}
