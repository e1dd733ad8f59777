package web

import "github.com/leadup/leadup/internal/journal"

// BossesView is the boss list.
type BossesView struct {
	Active   []*journal.Boss
	Archived []*journal.Boss
	Form     Form
}

// BossView is one boss's page.
type BossView struct {
	Boss         *journal.Boss
	Form         Form
	Priorities   []*journal.Priority
	PriorityForm Form
	FollowUps    []*journal.FollowUp
	MoreFollowUp bool // more are open than FollowUps holds
	Mix          []MixRow
	Recent       []*journal.Entry
	Today        string
	Schedule     ScheduleForm
	Evidence     *journal.BossEvidence // manual, drift and this quarter's promises
	ManualForm   Form
}

// MixRow is one practice's count.
type MixRow struct {
	Practice journal.Practice
	Count    int
}
