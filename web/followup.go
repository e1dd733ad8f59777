package web

import "github.com/leadup/leadup/internal/journal"

// FollowUpGroup is one boss's open follow-ups.
type FollowUpGroup struct {
	BossID   int64
	BossName string
	Items    []*journal.FollowUp
}

// FollowUpsView is the open follow-ups page.
type FollowUpsView struct {
	Groups    []FollowUpGroup
	Total     int
	Today     string
	Withdrawn int // removed follow-ups, counted but never listed
}
