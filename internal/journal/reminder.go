package journal

import (
	"strconv"
	"strings"
	"time"
)

// Reminder kinds: the three mails a user can opt into.
const (
	KindAfterMeeting    = "after_meeting"
	KindWeeklyReview    = "weekly_review"
	KindFollowUpsDigest = "followups_digest"
)

// ReminderKinds lists every kind, for validation.
var ReminderKinds = []string{KindAfterMeeting, KindWeeklyReview, KindFollowUpsDigest}

// Delivery rules.
const (
	// CatchUpGrace is how late a reminder may still go out after the
	// server was down; one older than this is dropped, not sent late.
	CatchUpGrace = 12 * time.Hour
	// MaxSendAttempts is how often a reminder is tried before it is
	// given up and shown as failed on the settings page.
	MaxSendAttempts = 4
	// SendLease is how long a claimed reminder belongs to the pass that
	// claimed it; a pass that died is retried after it.
	SendLease = 5 * time.Minute
)

// Backoff returns how long to wait after the attempt-th failed attempt
// (1-based) before the next one: 1, 5, then 30 minutes.
func Backoff(attempt int) time.Duration {
	switch {
	case attempt <= 1:
		return time.Minute
	case attempt == 2:
		return 5 * time.Minute
	default:
		return 30 * time.Minute
	}
}

// Fresh reports whether a reminder due at fireAt may still be sent at now.
func Fresh(fireAt, now time.Time) bool {
	return !fireAt.After(now) && now.Sub(fireAt) <= CatchUpGrace
}

// NotificationSettings are a user's weekly review and follow-up digest.
type NotificationSettings struct {
	WeeklyReview    bool
	WeeklyDay       int    // ISO weekday
	WeeklyTime      string // "HH:MM"
	FollowUpsDigest bool
	DigestTime      string // "HH:MM"
}

// DefaultNotificationSettings is what a user has before saving the form:
// both off, with a Friday-afternoon review and a morning digest offered.
func DefaultNotificationSettings() NotificationSettings {
	return NotificationSettings{WeeklyDay: 5, WeeklyTime: "16:00", DigestTime: "08:00"}
}

// NotificationInput is the settings form.
type NotificationInput struct {
	WeeklyReview    bool
	WeeklyDay       string
	WeeklyTime      string
	FollowUpsDigest bool
	DigestTime      string
}

// Validate checks the form and returns the settings it describes.
func (in NotificationInput) Validate() (NotificationSettings, error) {
	p := Problems{}
	n := NotificationSettings{WeeklyReview: in.WeeklyReview, FollowUpsDigest: in.FollowUpsDigest,
		WeeklyTime: strings.TrimSpace(in.WeeklyTime), DigestTime: strings.TrimSpace(in.DigestTime)}
	d, err := strconv.Atoi(strings.TrimSpace(in.WeeklyDay))
	if err != nil || d < 1 || d > 7 {
		p.Add("weekly_day", "Choose a day from Monday to Sunday.")
	}
	n.WeeklyDay = d
	if _, _, ok := ParseClock(n.WeeklyTime); !ok {
		p.Add("weekly_time", "Enter a time like 16:00.")
	}
	if _, _, ok := ParseClock(n.DigestTime); !ok {
		p.Add("digest_time", "Enter a time like 08:00.")
	}
	return n, p.Err()
}

// Firing is one reminder that falls due: its kind, the period it is for
// (which keys it, so it is sent once), and when.
type Firing struct {
	Kind   string
	Period string
	At     time.Time
}

// WeeklyFirings returns the weekly reviews due in (from, to], each keyed by
// its ISO week ("2026-W48").
func (n NotificationSettings) WeeklyFirings(from, to time.Time, loc *time.Location) []Firing {
	return dailyFirings(KindWeeklyReview, n.WeeklyTime, from, to, loc, func(d time.Time) string {
		if isoWeekday(d) != n.WeeklyDay {
			return ""
		}
		return WeekOfDate(d.Format(DateLayout)).String()
	})
}

// DigestFirings returns the daily digests due in (from, to], each keyed by
// its local date.
func (n NotificationSettings) DigestFirings(from, to time.Time, loc *time.Location) []Firing {
	return dailyFirings(KindFollowUpsDigest, n.DigestTime, from, to, loc, func(d time.Time) string {
		return d.Format(DateLayout)
	})
}

// dailyFirings returns a firing of kind at clock ("HH:MM") on each local
// day whose moment falls in (from, to]; period keys the day's firing, or
// is "" to skip the day.
func dailyFirings(kind, clock string, from, to time.Time, loc *time.Location, period func(day time.Time) string) []Firing {
	h, m, ok := ParseClock(clock)
	if !ok {
		return nil
	}
	var out []Firing
	for d := range localDays(from, to, loc) {
		p := period(d)
		if p == "" {
			continue
		}
		if at := LocalTime(d, h, m, loc); inSpan(at, from, to) {
			out = append(out, Firing{Kind: kind, Period: p, At: at})
		}
	}
	return out
}

// NextFiring returns the first time after t that firings (one of the two
// methods above) yields, searching up to eight days ahead.
func NextFiring(t time.Time, loc *time.Location, firings func(from, to time.Time, loc *time.Location) []Firing) (time.Time, bool) {
	f := firings(t, t.Add(8*24*time.Hour), loc)
	if len(f) == 0 {
		return time.Time{}, false
	}
	return f[0].At, true
}

// MeetingPeriod keys an after-1:1 reminder: the schedule and the meeting's date.
func MeetingPeriod(schedulePublicID, date string) string { return schedulePublicID + "/" + date }

// Claim states.
const (
	ClaimSending = "sending"
	ClaimSent    = "sent"
	ClaimFailed  = "failed"
	ClaimSkipped = "skipped" // nothing to say (no follow-up due, or the entry was already written)
)

// Claim is the record of one reminder: claimed before it is sent, so that it
// goes out once.
type Claim struct {
	UserID    int64
	Kind      string
	Period    string
	FireAt    time.Time
	State     string
	Attempts  int
	LastError string
	MessageID string
	RetryAt   time.Time // zero once settled
	UpdatedAt time.Time
}

// ReminderSource is something whose reminder time has come: a schedule, or
// a user's weekly review or digest setting. DueAt is the time stored for it.
type ReminderSource struct {
	User     User
	Kind     string
	Schedule *Schedule // for KindAfterMeeting
	Settings NotificationSettings
	DueAt    time.Time
}

// Firings returns what the source owes in (from, to].
func (src *ReminderSource) Firings(from, to time.Time) []Firing {
	loc := src.User.Location()
	switch src.Kind {
	case KindWeeklyReview:
		return src.Settings.WeeklyFirings(from, to, loc)
	case KindFollowUpsDigest:
		return src.Settings.DigestFirings(from, to, loc)
	}
	var out []Firing
	for _, m := range src.Schedule.MeetingsEnding(from, to, loc) {
		out = append(out, Firing{Kind: KindAfterMeeting, Period: MeetingPeriod(src.Schedule.PublicID, m.Date), At: m.End})
	}
	return out
}

// Next returns when the source is next due after t.
func (src *ReminderSource) Next(t time.Time) (time.Time, bool) {
	loc := src.User.Location()
	switch src.Kind {
	case KindWeeklyReview:
		return NextFiring(t, loc, src.Settings.WeeklyFirings)
	case KindFollowUpsDigest:
		return NextFiring(t, loc, src.Settings.DigestFirings)
	}
	return src.Schedule.NextMeetingEnd(t, loc)
}

// ErrStaleUnsubscribe refuses an unsubscribe link from an older mail.
var ErrStaleUnsubscribe = Errorf(ECONFLICT,
	"This link is from an older mail: you have turned reminders on again since it was sent, so it no longer turns them off. Use the link in a newer mail, or your notification settings.")
