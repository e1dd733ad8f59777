package web

import "github.com/leadup/leadup/internal/core"

// PrepView is the page to read before the next 1:1.
type PrepView struct {
	*core.Prep
	MoreOpen   bool   // more follow-ups are open than Prep.FollowUps holds
	ManualHTML string // the manual's notes, sanitised by internal/markdown
}
