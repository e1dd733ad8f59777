package web

import "github.com/leadup/leadup/internal/journal"

// PrepView is the page to read before the next 1:1.
type PrepView struct {
	Boss        *journal.Boss
	FollowUps   []*journal.FollowUp
	MoreOpen    bool // more follow-ups are open than FollowUps holds
	Priorities  []*journal.Priority
	LastTouched map[int64]string
	Problems    []*journal.Entry
	Risks       []*journal.Entry
	Neglected   []string
	Recent      []*journal.Entry
	Today       string

	OpenProblems []*journal.Problem
	DueBets      []*journal.Bet
	DueForecasts []*journal.Forecast
	Evidence     *journal.BossEvidence
	ManualHTML   string // the manual's notes, sanitised by internal/markdown
}
