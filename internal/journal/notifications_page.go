package journal

// NotificationsPage is what the reminders and calendar settings page
// shows: the reminder settings, the reminders that could not be sent, the
// 1:1 schedules and whether a calendar feed exists.
type NotificationsPage struct {
	Settings  NotificationSettings
	Failed    []Claim
	Schedules []*Schedule
	HasFeed   bool
}

// CalendarFeed is what a calendar feed lists: its owner's 1:1 schedules
// and open follow-ups with a due date.
type CalendarFeed struct {
	User      *User
	Schedules []*Schedule
	FollowUps []*FollowUp
}
