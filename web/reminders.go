package web

import (
	"context"
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// Weekdays are the ISO weekdays as options, Monday first, each labelled
// with its key among the catalog's weekday names (date.weekday.mon); see
// weekdays.
var Weekdays = []journal.Option{
	{Value: "1", Label: "mon"}, {Value: "2", Label: "tue"}, {Value: "3", Label: "wed"},
	{Value: "4", Label: "thu"}, {Value: "5", Label: "fri"}, {Value: "6", Label: "sat"}, {Value: "7", Label: "sun"},
}

// weekdays are the ISO weekdays as options, named in the reader's
// language.
func weekdays(ctx context.Context) []journal.Option {
	out := make([]journal.Option, len(Weekdays))
	for i, d := range Weekdays {
		out[i] = journal.Option{Value: d.Value, Label: t(ctx, "date.weekday."+d.Label)}
	}
	return out
}

// everyWeeks are the rhythms a 1:1 schedule offers.
var everyWeeks = []journal.Option{{Value: "1", Label: "Every week"}, {Value: "2", Label: "Every two weeks"}}

// ScheduleForm is the 1:1 schedule form on a boss's page.
type ScheduleForm struct {
	Form
	Days   map[string]bool // the weekdays ticked
	Saved  bool            // the boss has a schedule
	MailOn bool
}

// NotificationsView is the notification settings page.
type NotificationsView struct {
	MailOn    bool
	Email     string
	Form      Form
	Failed    []FailedReminder
	Schedules []*journal.Schedule
	HasFeed   bool
	FeedURL   string     // shown once, right after it was made (http or https)
	Feed      Form       // the create form's problems
	Check     OwnerCheck // how the owner confirms it is them
	Test      string     // the test mail's outcome
	TestOK    bool
}

// WebcalURL is the feed's address with the webcal scheme, which phones and
// desktop calendar apps open as "subscribe to this calendar".
func (v NotificationsView) WebcalURL() string {
	_, rest, ok := strings.Cut(v.FeedURL, "://")
	if !ok {
		return ""
	}
	return "webcal://" + rest
}

// FailedReminder is a reminder that could not be sent, for the settings page.
type FailedReminder struct {
	Kind     string // journal.KindWeeklyReview, …
	Period   string // the week (2026-W48) or the day (2026-11-27) of a weekly review or a digest
	Day      string // the day of the 1:1 an after-meeting reminder follows
	Attempts int
	Error    string
	Retrying bool
}

// UnsubscribeView is the page a mail's unsubscribe link opens.
type UnsubscribeView struct {
	Token   string
	What    string // the reminder, in words
	Done    bool
	Refused string // why the link no longer works, "" when it does
}

// failedLine says which reminder was not sent, why, and whether it is
// tried again, in the reader's language.
func failedLine(ctx context.Context, f FailedReminder) string {
	tried := n(ctx, "reminders.given_up", f.Attempts)
	if f.Retrying {
		tried = n(ctx, "reminders.retrying", f.Attempts)
	}
	return t(ctx, "reminders.failed_line", map[string]any{"What": failedWhat(ctx, f), "Error": said(ctx, f.Error), "Tried": tried})
}

// failedWhat names a failed reminder, its day in the reader's language.
func failedWhat(ctx context.Context, f FailedReminder) string {
	switch f.Kind {
	case journal.KindWeeklyReview:
		return t(ctx, "said.reminders.failed_weekly", map[string]any{"Date": f.Period})
	case journal.KindFollowUpsDigest:
		return t(ctx, "said.reminders.failed_digest", map[string]any{"Date": longDate(ctx, f.Period)})
	}
	return t(ctx, "said.reminders.failed_after", map[string]any{"Date": longDate(ctx, f.Day)})
}

// afterMeeting says, after a boss's name, whether a reminder comes after
// each 1:1 with them.
func afterMeeting(ctx context.Context, remind bool) string {
	if remind {
		return t(ctx, "reminders.after_on")
	}
	return t(ctx, "reminders.after_off")
}

// saidTitle is p with its title, which the handler wrote in English, in
// the reader's language.
func saidTitle(ctx context.Context, p Page) Page {
	p.Title = said(ctx, p.Title)
	return p
}

// ReminderLabel names a reminder kind in words.
func ReminderLabel(kind string) string {
	switch kind {
	case journal.KindAfterMeeting:
		return "the reminder after each 1:1"
	case journal.KindWeeklyReview:
		return "the weekly review mail"
	case journal.KindFollowUpsDigest:
		return "the daily follow-up digest"
	}
	return kind
}
