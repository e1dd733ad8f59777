package journal

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// Review bounds: the composer reads at most this much, whatever the period.
const (
	ReviewStrongest     = 5    // entries shown per practice
	ReviewCandidates    = 60   // entries per practice the store reads to choose from
	ReviewMaxDays       = 3700 // the longest period, a little over ten years
	ReviewDefaultMonths = 6    // the default period: the last six full months
	reviewEarliest      = "1970-01-01"
)

// Weights of the signals that make an entry strong evidence.
const (
	WeightKept     = 3 // a follow-up of the entry was kept on time
	WeightPriority = 2 // linked to one of the boss's priorities
	WeightDecision = 2 // its problem got a decision
	WeightBet      = 2 // its bet was reviewed
)

// ReviewFilter is what /review was asked for.
type ReviewFilter struct {
	From, To string
	BossID   int64 // 0: every boss
}

// Period is a named date range.
type Period struct {
	Label    string
	From, To string
}

// DefaultReviewPeriod is the last ReviewDefaultMonths full months before
// today's month.
func DefaultReviewPeriod(today string) Period {
	t, _ := ParseDate(today)
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return Period{Label: "Last six months", From: first.AddDate(0, -ReviewDefaultMonths, 0).Format(DateLayout), To: first.AddDate(0, 0, -1).Format(DateLayout)}
}

// QuickPeriods are the links offered above the review: the last full
// quarter, the last full half year, and the calendar year so far.
func QuickPeriods(today string) []Period {
	t, _ := ParseDate(today)
	q := (int(t.Month()) - 1) / 3 * 3
	qStart := time.Date(t.Year(), time.Month(q+1), 1, 0, 0, 0, 0, time.UTC)
	h := (int(t.Month()) - 1) / 6 * 6
	hStart := time.Date(t.Year(), time.Month(h+1), 1, 0, 0, 0, 0, time.UTC)
	day := func(x time.Time) string { return x.Format(DateLayout) }
	return []Period{
		{Label: "Last quarter", From: day(qStart.AddDate(0, -3, 0)), To: day(qStart.AddDate(0, 0, -1))},
		{Label: "Last half", From: day(hStart.AddDate(0, -6, 0)), To: day(hStart.AddDate(0, 0, -1))},
		{Label: "This year", From: today[:4] + "-01-01", To: today},
	}
}

// ParseReviewPeriod checks the from and to parameters; empty ones take the
// default period's.
func ParseReviewPeriod(from, to, today string) (Period, error) {
	p := DefaultReviewPeriod(today)
	if from == "" && to == "" {
		return p, nil
	}
	p.Label = ""
	if from != "" {
		p.From = from
	}
	if to != "" {
		p.To = to
	}
	if _, ok := ParseDate(p.From); !ok || p.From < reviewEarliest {
		return p, NotADate(p.From)
	}
	if _, ok := ParseDate(p.To); !ok {
		return p, NotADate(p.To)
	}
	if p.From > p.To {
		return p, Errorf(EINVALID, "The period starts after it ends.")
	}
	if DaysBetween(p.From, p.To) > ReviewMaxDays {
		return p, Errorf(EINVALID, "A review covers at most ten years.")
	}
	return p, nil
}

// NotADate is the error for a period's from or to, text as typed, that is
// not a date leadup takes.
func NotADate(text string) *Error {
	return Errorf(EINVALID, "%q is not a date: write it like 2026-01-31.", text)
}

// Months lists the YYYY-MM months a period touches, oldest first.
func Months(from, to string) []string {
	var out []string
	for m := from[:7]; m <= to[:7]; {
		out = append(out, m)
		t, _ := time.Parse("2006-01", m)
		m = t.AddDate(0, 1, 0).Format("2006-01")
	}
	return out
}

// Evidence is one entry with the signals that make it strong.
type Evidence struct {
	Entry       *Entry
	Kept        int  // follow-ups kept on time
	Priority    bool // linked to a priority
	Decided     bool // its problem has a decision other than open
	BetReviewed bool // its bet has an outcome
}

// Strength scores an entry as evidence.
func (e Evidence) Strength() int {
	s := WeightKept * e.Kept
	if e.Priority {
		s += WeightPriority
	}
	if e.Decided {
		s += WeightDecision
	}
	if e.BetReviewed {
		s += WeightBet
	}
	return s
}

// SelectStrongest picks up to n entries, strongest first; ties go to the
// later entry, then the later id. Entries without any signal are kept only
// to fill the list, so a quiet practice still shows what happened.
func SelectStrongest(cands []Evidence, n int) []Evidence {
	out := slices.Clone(cands)
	slices.SortStableFunc(out, func(a, b Evidence) int {
		if c := cmp.Compare(b.Strength(), a.Strength()); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Entry.OccurredOn, a.Entry.OccurredOn); c != 0 {
			return c
		}
		return cmp.Compare(b.Entry.ID, a.Entry.ID)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Review is everything the review composer shows for one period, read in
// one transaction.
type Review struct {
	Filter   ReviewFilter
	Today    string
	BossName string       // "" for every boss
	Bosses   []BossChoice // every boss of the user, for the filter

	Practices  []ReviewPractice // the six, in practice order
	Months     []MonthCount     // every month of the period, oldest first
	Priorities []PriorityServed // priorities with at least one entry in the period, most first
	Promises   Ledger
	Problems   ProblemStats // raised in the period, and the decisions on them
	Bets       BetStats     // placed in the period, and their outcomes
	HasEntries bool         // at least one entry in the period

	// Forecasts measures the forecasts raised in the period: the warning
	// the boss got and the time it took to raise them. nil when none was
	// raised, and the section is left out.
	Forecasts *NoSurprises
}

// BossChoice is one boss in the review's filter.
type BossChoice struct {
	ID       int64
	Name     string
	Archived bool
}

// ReviewPractice is one practice's count and strongest entries.
type ReviewPractice struct {
	Key, Label string
	Count      int // entries tagged with it in the period
	Entries    []Evidence
}

// MonthCount is one month's entry tags per practice.
type MonthCount struct {
	Month     string // YYYY-MM
	Practices map[string]int
	Total     int // tags, the sum of Practices
}

// PriorityServed is a priority and the entries linked to it in the period.
type PriorityServed struct {
	PublicID, Text, Status, BossName string
	Entries                          int
}

// Empty reports whether the period holds nothing at all.
func (r *Review) Empty() bool {
	return !r.HasEntries && r.Promises.Total() == 0 && r.Problems.Raised == 0 && r.Bets.Placed == 0
}

// PracticeEntriesQuery is the entry list's query for every entry behind a
// practice of the review: its period, its boss if any, the practice.
func PracticeEntriesQuery(f ReviewFilter, practice string) string {
	q := url.Values{"practice": {practice}, "from": {f.From}, "to": {f.To}}
	if f.BossID != 0 {
		q.Set("boss_id", strconv.FormatInt(f.BossID, 10))
	}
	return q.Encode()
}
