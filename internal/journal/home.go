package journal

// Home is what the home page shows below the capture form: what is due,
// this week at a glance (its practice counts, the practices it has not
// touched, the overdue follow-ups), the week's latest entries and the
// soonest open follow-ups.
type Home struct {
	Week         Week
	Practices    map[string]int // all six keys
	Neglected    []string
	Overdue      int
	WeekTotal    int      // entries this week
	WeekEntries  []*Entry // the latest of them, newest first
	FollowUps    []*FollowUp
	BetsDue      []*Bet
	ForecastsDue []*Forecast
}
