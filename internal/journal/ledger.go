package journal

// PromiseCounts are one side's promises in a period. Due = OnTime + Late +
// Overdue: only what has fallen due counts in a rate, so a promise due next
// Friday never lowers this week's figure.
type PromiseCounts struct {
	Due       int // kept, late, or overdue
	OnTime    int // done on or before the first due date
	Late      int // done after the first due date
	Overdue   int // open and past its (current) due date
	Open      int // open and not overdue (not yet due, or with no date)
	Withdrawn int
	Unjudged  int // done, never having had a due date: neither on time nor late
}

// Rate is the share of due promises kept on time; false when nothing was due.
func (c PromiseCounts) Rate() (float64, bool) { return keptShare(c.OnTime, c.Due) }

// Ledger is the promises made by me and by the boss.
type Ledger struct {
	Me   PromiseCounts
	Boss PromiseCounts
}

// Total adds both sides.
func (l Ledger) Total() int {
	n := func(c PromiseCounts) int { return c.Due + c.Open + c.Withdrawn + c.Unjudged }
	return n(l.Me) + n(l.Boss)
}

// PromiseState is where a promise stands on a day. The store judges it:
// migration 00016 defines the rules once, as the followups columns
// promise_state and overdue_after, and the store reads them into these.
type PromiseState int

const (
	PromiseOpen      PromiseState = iota // open and not overdue
	PromiseOnTime                        // done on or before its first due date
	PromiseLate                          // done after its first due date
	PromiseOverdue                       // open and past its due date
	PromiseWithdrawn                     // withdrawn, whatever else
	PromiseUnjudged                      // done without ever having a due date
)

// PromiseGroup is N promises of one boss and side in one state. The store
// counts promises into groups, so years of them arrive as a few rows.
type PromiseGroup struct {
	BossID int64
	Owner  string
	State  PromiseState
	N      int
}

// add counts n promises in state s.
func (c *PromiseCounts) add(s PromiseState, n int) {
	switch s {
	case PromiseOnTime:
		c.Due += n
		c.OnTime += n
	case PromiseLate:
		c.Due += n
		c.Late += n
	case PromiseOverdue:
		c.Due += n
		c.Overdue += n
	case PromiseWithdrawn:
		c.Withdrawn += n
	case PromiseUnjudged:
		c.Unjudged += n
	default:
		c.Open += n
	}
}

// LedgerOf adds up the groups the store has judged and kept to a period.
func LedgerOf(gs []PromiseGroup) Ledger {
	var l Ledger
	for _, g := range gs {
		side := &l.Me
		if g.Owner == "boss" {
			side = &l.Boss
		}
		side.add(g.State, g.N)
	}
	return l
}

// LedgersByBoss is LedgerOf per boss.
func LedgersByBoss(gs []PromiseGroup) map[int64]Ledger {
	by := map[int64][]PromiseGroup{}
	for _, g := range gs {
		by[g.BossID] = append(by[g.BossID], g)
	}
	out := make(map[int64]Ledger, len(by))
	for id, list := range by {
		out[id] = LedgerOf(list)
	}
	return out
}

// OnTimeOf is the week page's older figure, kept for its readers: due and
// kept on time.
func (c PromiseCounts) OnTimeOf() OnTime { return OnTime{Due: c.Due, Kept: c.OnTime} }

// QuarterStart returns the first day of the calendar quarter holding date,
// the ledger's default period.
func QuarterStart(date string) string {
	t, ok := ParseDate(date)
	if !ok {
		return date
	}
	m := (int(t.Month())-1)/3*3 + 1
	return date[:4] + "-" + twoDigits(m) + "-01"
}

// QuarterEnd returns the last day of the calendar quarter holding date.
func QuarterEnd(date string) string {
	t, ok := ParseDate(QuarterStart(date))
	if !ok {
		return date
	}
	return t.AddDate(0, 3, -1).Format(DateLayout)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}
