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
	Total     int // open follow-ups on every page
	Today     string
	Withdrawn int // removed follow-ups, counted but never listed

	Page             int    // from 1
	First, Shown     int    // the position of this page's first follow-up in the whole list, and how many it lists
	Here             string // this page's URL, where marking one done returns to
	PrevURL, NextURL string // the pages beside it; "" when there is none
}
