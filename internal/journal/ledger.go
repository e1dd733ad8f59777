package journal

// Promise is what the promise ledger needs to know about one follow-up.
type Promise struct {
	BossID    int64
	Owner     string // "me" or "boss"
	MadeOn    string // the date of the entry that made it
	FirstDue  string // the first promised date; "" without one
	DoneOn    string // "" while open
	Withdrawn bool
}

// PromiseCounts are one side's promises in a period. Due = OnTime + Late +
// Overdue: only what has fallen due counts in a rate, so a promise due next
// Friday never lowers this week's figure.
type PromiseCounts struct {
	Due       int // kept, or open past their first due date
	OnTime    int // done on or before the first due date
	Late      int // done after the first due date
	Overdue   int // open and past the first due date
	Open      int // open and not yet due (or with no date)
	Withdrawn int
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
	n := func(c PromiseCounts) int { return c.Due + c.Open + c.Withdrawn }
	return n(l.Me) + n(l.Boss)
}

// PromiseState is where a promise stands on a day.
type PromiseState int

const (
	PromiseOpen PromiseState = iota
	PromiseOnTime
	PromiseLate
	PromiseOverdue
	PromiseWithdrawn
)

// PromiseGroup is N promises of one boss and side that share the facts
// their state depends on. The store counts promises into groups, so years
// of them arrive as a few rows; State then judges the group.
type PromiseGroup struct {
	BossID    int64
	Owner     string
	Withdrawn bool
	Done      bool
	DoneByDue bool // done on or before the first due date
	HasDue    bool
	PastDue   bool // the first due date is before today
	N         int
}

// Group returns the facts of one promise on today.
func (p Promise) Group(today string) PromiseGroup {
	return PromiseGroup{
		BossID: p.BossID, Owner: p.Owner, Withdrawn: p.Withdrawn,
		Done:      p.DoneOn != "",
		DoneByDue: p.DoneOn != "" && p.FirstDue != "" && p.DoneOn <= p.FirstDue,
		HasDue:    p.FirstDue != "",
		PastDue:   p.FirstDue != "" && p.FirstDue < today,
		N:         1,
	}
}

// State judges a promise on today; see PromiseGroup.State.
func (p Promise) State(today string) PromiseState { return p.Group(today).State() }

// State judges a group. On time is judged against the first due date, so
// moving the date never turns a miss into a keep. A promise due today is not
// yet overdue. A promise without a date cannot be late: done is on time,
// open is open.
func (g PromiseGroup) State() PromiseState {
	switch {
	case g.Withdrawn:
		return PromiseWithdrawn
	case g.Done:
		if !g.HasDue || g.DoneByDue {
			return PromiseOnTime
		}
		return PromiseLate
	case g.PastDue:
		return PromiseOverdue
	}
	return PromiseOpen
}

// PeriodDate is the date that places a promise in a period: its first due
// date, or the day it was made when it has none.
func (p Promise) PeriodDate() string {
	if p.FirstDue != "" {
		return p.FirstDue
	}
	return p.MadeOn
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
	default:
		c.Open += n
	}
}

// NewLedger counts the promises whose PeriodDate falls between from and to,
// judged on today.
func NewLedger(ps []Promise, from, to, today string) Ledger {
	var gs []PromiseGroup
	for _, p := range ps {
		if d := p.PeriodDate(); d >= from && d <= to {
			gs = append(gs, p.Group(today))
		}
	}
	return LedgerOf(gs)
}

// LedgerOf adds up groups the store has already kept to a period.
func LedgerOf(gs []PromiseGroup) Ledger {
	var l Ledger
	for _, g := range gs {
		side := &l.Me
		if g.Owner == "boss" {
			side = &l.Boss
		}
		side.add(g.State(), g.N)
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
