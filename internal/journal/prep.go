package journal

// Prep is what the next 1:1 with a boss is prepared from: the prep page
// and its Markdown agenda.
type Prep struct {
	Boss        *Boss
	FollowUps   []*FollowUp      // open, overdue first
	Priorities  []*Priority      // active
	LastTouched map[int64]string // priority id → date of the latest linked entry
	Problems    []*Entry         // recent entries tagged solutions
	Risks       []*Entry         // recent entries tagged risk
	Neglected   []string         // practice keys with no entry with this boss in four weeks
	Recent      []*Entry
	Today       string

	OpenProblems []*Problem // with this boss, awaiting a decision
	DueBets      []*Bet     // with this boss, past their review date

	DueForecasts []*Forecast   // with this boss, open past their expected date
	Evidence     *BossEvidence // the manual, drift and this quarter's promises (internal/report/prep_evidence.go writes them)
}
