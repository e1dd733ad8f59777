package journal

// WeekSummary is the weekly practice review.
type WeekSummary struct {
	Week      Week
	Total     int            // entries in the week
	Practices map[string]int // all six keys; an entry counts under each of its practices
	Bosses    []BossCount    // entries per boss, most first
	FollowUps FollowUpStats

	Neglected          []string // practices with no entry this week
	NeglectedFourWeeks []string // practices with no entry in this week and the three before
	QuietBosses        []QuietBoss

	Trend        []TrendWeek // the 12 weeks ending with this one, oldest first
	Streak       int         // consecutive weeks with an entry, up to MaxStreak
	StreakCapped bool        // the streak is at least MaxStreak

	Entries []*Entry // the week's entries, oldest first

	Problems    ProblemStats
	Bets        BetStats
	BetsDue     []*Bet        // waiting for an outcome, review date passed, soonest first
	Solutions   SolutionsRate // over the RateWindowMonths ending with the week
	Calibration Calibration   // over the RateWindowMonths ending with the week

	Forecasts    ForecastStats
	ForecastsDue []*Forecast // still open, expected date passed, soonest first
	Promises     Ledger      // follow-ups whose first due date is in the week
	Drift        []Drift     // the active priorities of active bosses, judged at the week's end (or today)
}

// MaxStreak bounds how far back the streak is counted, so that the cost of a
// week does not grow with the age of the journal.
const MaxStreak = 52

// BossCount is how many entries one boss had in a week.
type BossCount struct {
	BossID   int64
	PublicID string
	Name     string
	Count    int
}

// QuietBoss is an active boss with no entry for three weeks.
type QuietBoss struct {
	BossID    int64
	Name      string
	LastEntry string // "" when there has never been one
}

// FollowUpStats are the week's commitments.
type FollowUpStats struct {
	Opened  int // made in entries of this week
	Done    int // marked done during this week
	Overdue int // open and past due now
	Mine    OnTime
	Boss    OnTime
}

// OnTime counts commitments due in a week and how many were kept by their
// due date.
type OnTime struct {
	Due  int
	Kept int
}

// Rate returns the share kept on time, and false when nothing was due.
func (o OnTime) Rate() (float64, bool) { return keptShare(o.Kept, o.Due) }

// keptShare is the share of due promises kept on time; false when nothing
// was due, as a rate of nothing means nothing.
func keptShare(kept, due int) (float64, bool) {
	if due == 0 {
		return 0, false
	}
	return float64(kept) / float64(due), true
}

// TrendWeek is one week of the trend.
type TrendWeek struct {
	Week      Week
	Total     int
	Practices map[string]int
}

// Zeros returns the practice keys with a zero count, in practice order.
func Zeros(counts map[string]int) []string {
	var out []string
	for _, p := range Practices {
		if counts[p.Key] == 0 {
			out = append(out, p.Key)
		}
	}
	return out
}

// NewPracticeCounts returns a map with all six keys at zero.
func NewPracticeCounts() map[string]int {
	m := make(map[string]int, len(Practices))
	for _, p := range Practices {
		m[p.Key] = 0
	}
	return m
}
