package journal

// BossPage is what a boss's page shows: the boss, their priorities, the
// open follow-ups with them (up to the page's bound plus one, to tell
// whether there are more), the practice mix of every entry with them, the
// latest entries, the manual, drift and ledger, and the 1:1 schedule (nil
// when none is set).
type BossPage struct {
	Boss       *Boss
	Priorities []*Priority
	FollowUps  []*FollowUp
	Mix        map[string]int
	Recent     []*Entry
	Evidence   *BossEvidence
	Schedule   *Schedule
}
