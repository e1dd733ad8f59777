package web

import "github.com/leadup/leadup/internal/journal"

// HomeView is the signed-in home page.
type HomeView struct {
	DisplayName string
	Glance      Glance
	Capture     EntryForm
	WeekLabel   string
	WeekEntries []*journal.Entry
	WeekTotal   int // the week's entries, of which WeekEntries are the latest
	FollowUps   []*journal.FollowUp
	Today       string
	BetsDue     []*journal.Bet

	ForecastsDue []*journal.Forecast
}

// Glance is this week at a glance, on the home page.
type Glance struct {
	Week      string
	Practices map[string]int
	Neglected []string
	Overdue   int
}
