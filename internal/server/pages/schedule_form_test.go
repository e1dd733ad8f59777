package pages

import (
	"maps"
	"net/url"
	"slices"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestSchedulePostRoundTrip holds that the 1:1 schedule form, read from a
// request, fills the form again as typed (ticked days included), and that
// a saved schedule's form, posted back, is that schedule.
func TestSchedulePostRoundTrip(t *testing.T) {
	form := url.Values{"weekday": {"2", "9"}, "time": {"25:00"}, "duration_min": {" 30"}, "every_weeks": {"3"}, "starts_on": {"x"}, "remind": {"on"}}
	p := parseSchedulePost(postedForm(t, form))
	if _, err := p.Schedule.Validate(); journal.FieldErrors(err)["weekdays"] == "" {
		t.Errorf("problems %v, want one beside the weekdays", journal.FieldErrors(err))
	}
	sameValues(t, p.values(), map[string]string{"time": "25:00", "duration_min": " 30", "every_weeks": "3", "starts_on": "x", "remind": "on"})
	if d := p.days(); !maps.Equal(d, map[string]bool{"2": true, "9": true}) {
		t.Errorf("days %v, want 2 and 9 ticked as typed", d)
	}

	saved := &journal.Schedule{Weekdays: []int{1, 4}, Time: "09:30", DurationMin: 45, EveryWeeks: 2, StartsOn: "2026-11-30", Remind: true}
	shown := schedulePostOf(saved, "2026-12-01")
	back := formOf(shown.values())
	back["weekday"] = slices.Sorted(maps.Keys(shown.days()))
	got, err := parseSchedulePost(postedForm(t, back)).Schedule.Validate()
	if err != nil || !slices.Equal(got.Weekdays, saved.Weekdays) || got.Time != saved.Time || got.DurationMin != saved.DurationMin ||
		got.EveryWeeks != saved.EveryWeeks || got.StartsOn != saved.StartsOn || got.Remind != saved.Remind {
		t.Errorf("saved form posted back %+v (%v), want %+v", got, err, saved)
	}
	if d := schedulePostOf(nil, "2026-12-03").days(); !d["4"] || len(d) != 1 { // a Thursday
		t.Errorf("a new schedule's days %v, want today's weekday", d)
	}
}

// TestNotificationPostRoundTrip holds that the reminders form, read from a
// request, fills the form again as typed, and that saved settings, posted
// back, are the same settings.
func TestNotificationPostRoundTrip(t *testing.T) {
	typed := map[string]string{"weekly_review": "on", "weekly_day": "8", "weekly_time": "9pm", "followups_digest": "on", "digest_time": "08:00"}
	p := parseNotificationPost(postedForm(t, formOf(typed)))
	if _, err := p.Settings.Validate(); journal.FieldErrors(err)["weekly_day"] == "" {
		t.Errorf("problems %v, want one beside the day", journal.FieldErrors(err))
	}
	sameValues(t, p.values(), typed)

	saved := journal.NotificationSettings{WeeklyReview: true, WeeklyDay: 5, WeeklyTime: "16:00", DigestTime: "08:00"}
	got, err := parseNotificationPost(postedForm(t, formOf(notificationPostOf(saved).values()))).Settings.Validate()
	if err != nil || got != saved {
		t.Errorf("saved form posted back %+v (%v), want %+v", got, err, saved)
	}
}
