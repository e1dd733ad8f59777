package export

import (
	"encoding/json"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
)

// Schedule is a boss's recurring 1:1 in the export; BossID is the boss's
// id. An optional member of version 1.
type Schedule struct {
	ID          string `json:"id"`
	BossID      string `json:"boss_id"`
	Weekdays    []int  `json:"weekdays"`
	Time        string `json:"time"`
	DurationMin int    `json:"duration_min"`
	EveryWeeks  int    `json:"every_weeks"`
	StartsOn    string `json:"starts_on"`
	Remind      bool   `json:"remind"`
}

// Notifications are the user's reminder settings in the export. An
// optional member of version 1. Calendar feed tokens are never exported.
type Notifications struct {
	WeeklyReview    bool   `json:"weekly_review"`
	WeeklyDay       int    `json:"weekly_day"`
	WeeklyTime      string `json:"weekly_time"`
	FollowUpsDigest bool   `json:"followups_digest"`
	DigestTime      string `json:"digest_time"`
}

func fromSchedule(s *journal.Schedule) Schedule {
	return Schedule{ID: s.PublicID, BossID: s.BossPublicID, Weekdays: s.Weekdays, Time: s.Time, DurationMin: s.DurationMin,
		EveryWeeks: s.EveryWeeks, StartsOn: s.StartsOn, Remind: s.Remind}
}

func fromNotifications(n journal.NotificationSettings) *Notifications {
	return &Notifications{WeeklyReview: n.WeeklyReview, WeeklyDay: n.WeeklyDay, WeeklyTime: n.WeeklyTime,
		FollowUpsDigest: n.FollowUpsDigest, DigestTime: n.DigestTime}
}

// SetReminders gives the writer the schedules and settings it writes after
// the entries.
// n is nil when the user never saved the settings.
func (jw *JSONWriter) SetReminders(schedules []*journal.Schedule, n *journal.NotificationSettings) {
	jw.schedules = []Schedule{}
	for _, s := range schedules {
		jw.schedules = append(jw.schedules, fromSchedule(s))
	}
	if n != nil {
		jw.notifications = fromNotifications(*n)
	}
}

// schedule checks one schedule of the file.
func (v *validator) schedule(path string, s Schedule) *journal.Schedule {
	v.id(path, "id", s.ID)
	v.id(path, "boss_id", s.BossID)
	in := journal.ScheduleInput{Time: s.Time, DurationMin: strconv.Itoa(s.DurationMin), EveryWeeks: strconv.Itoa(s.EveryWeeks),
		StartsOn: s.StartsOn, Remind: s.Remind}
	for _, d := range s.Weekdays {
		in.Weekdays = append(in.Weekdays, strconv.Itoa(d))
	}
	sched, err := in.Validate()
	v.fields(path, err)
	sched.PublicID, sched.BossPublicID = s.ID, s.BossID
	return &sched
}

// notifications checks the file's reminder settings.
func (v *validator) notifications(n Notifications) *journal.NotificationSettings {
	in := journal.NotificationInput{WeeklyReview: n.WeeklyReview, WeeklyDay: strconv.Itoa(n.WeeklyDay), WeeklyTime: n.WeeklyTime,
		FollowUpsDigest: n.FollowUpsDigest, DigestTime: n.DigestTime}
	settings, err := in.Validate()
	v.fields("notifications", err)
	return &settings
}

// writeReminders writes the optional members after the entries.
func (jw *JSONWriter) writeReminders() error {
	if jw.schedules != nil {
		if err := jw.writeMember("schedules", jw.schedules); err != nil {
			return err
		}
	}
	if jw.notifications != nil {
		return jw.writeMember("notifications", jw.notifications)
	}
	return nil
}

// writeMember writes one more member of the top-level object.
func (jw *JSONWriter) writeMember(name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = jw.w.WriteString(`,"` + name + `":` + string(b))
	return err
}
