package journal

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Limits of a 1:1 schedule.
const (
	MinMeetingMinutes = 5
	MaxMeetingMinutes = 8 * 60
)

// Schedule is a boss's recurring 1:1: on some ISO weekdays, every one or
// two weeks counted from StartsOn, at a local time in the user's zone.
type Schedule struct {
	ID           int64
	PublicID     string
	UserID       int64
	BossID       int64
	BossPublicID string
	BossName     string
	Weekdays     []int  // ISO: 1 Monday … 7 Sunday, sorted
	Time         string // "HH:MM", local
	DurationMin  int
	EveryWeeks   int    // 1 or 2
	StartsOn     string // the date of one meeting; anchors a fortnightly rhythm
	Remind       bool   // mail a reminder when each meeting ends
}

// ScheduleInput is a schedule as a form or an import gives it.
type ScheduleInput struct {
	Weekdays    []string
	Time        string
	DurationMin string
	EveryWeeks  string
	StartsOn    string
	Remind      bool
}

// Validate checks the input and returns the schedule it describes.
func (in ScheduleInput) Validate() (Schedule, error) {
	p := Problems{}
	var s Schedule
	for _, w := range in.Weekdays {
		d, err := strconv.Atoi(strings.TrimSpace(w))
		if err != nil || d < 1 || d > 7 {
			p.Add("weekdays", "Choose weekdays from Monday to Sunday.")
			break
		}
		if !slices.Contains(s.Weekdays, d) {
			s.Weekdays = append(s.Weekdays, d)
		}
	}
	slices.Sort(s.Weekdays)
	if len(in.Weekdays) == 0 {
		p.Add("weekdays", "Choose the day of the 1:1.")
	}
	s.Time = strings.TrimSpace(in.Time)
	if _, _, ok := ParseClock(s.Time); !ok {
		p.Add("time", "Enter the start time like 10:00.")
	}
	d, err := strconv.Atoi(strings.TrimSpace(in.DurationMin))
	if err != nil || d < MinMeetingMinutes || d > MaxMeetingMinutes {
		p.Add("duration_min", "Enter a length from 5 to 480 minutes.")
	}
	s.DurationMin = d
	s.EveryWeeks, err = strconv.Atoi(strings.TrimSpace(in.EveryWeeks))
	if err != nil || (s.EveryWeeks != 1 && s.EveryWeeks != 2) {
		p.Add("every_weeks", "Choose every week or every two weeks.")
	}
	s.StartsOn = strings.TrimSpace(in.StartsOn)
	if _, ok := ParseDate(s.StartsOn); !ok {
		p.Add("starts_on", "Enter the date of one meeting, like 2026-11-30.")
	}
	s.Remind = in.Remind
	return s, p.Err()
}

// Meeting is one occurrence of a schedule.
type Meeting struct {
	Date  string // local date of the meeting
	Start time.Time
	End   time.Time
}

// meetsOn reports whether the schedule has a meeting on a local date.
func (s *Schedule) meetsOn(date time.Time) bool {
	anchor, ok := ParseDate(s.StartsOn)
	if !ok || date.Before(anchor) || !slices.Contains(s.Weekdays, isoWeekday(date)) {
		return false
	}
	if s.EveryWeeks <= 1 {
		return true
	}
	// Count whole weeks between the Mondays of the two dates.
	monday := func(t time.Time) time.Time { return t.AddDate(0, 0, 1-isoWeekday(t)) }
	weeks := int(monday(date).Sub(monday(anchor)).Hours()/24) / 7
	return weeks%s.EveryWeeks == 0
}

// meetingOn returns the meeting on a local date, which must be a meeting day.
func (s *Schedule) meetingOn(date time.Time, loc *time.Location) Meeting {
	h, m, _ := ParseClock(s.Time)
	start := LocalTime(date, h, m, loc)
	return Meeting{Date: date.Format(DateLayout), Start: start, End: start.Add(time.Duration(s.DurationMin) * time.Minute)}
}

// MeetingsEnding returns the meetings whose end lies in (from, to], oldest
// first: the after-1:1 reminders due in that span.
func (s *Schedule) MeetingsEnding(from, to time.Time, loc *time.Location) []Meeting {
	var out []Meeting
	// A meeting ending in the span started at most MaxMeetingMinutes
	// before it, so start a day early to be safe.
	for d := range localDays(from, to, loc) {
		if !s.meetsOn(d) {
			continue
		}
		if mt := s.meetingOn(d, loc); inSpan(mt.End, from, to) {
			out = append(out, mt)
		}
	}
	return out
}

// NextMeetingEnd returns the end of the first meeting ending after t, and
// false when none ends within MaxScheduleLookahead.
func (s *Schedule) NextMeetingEnd(t time.Time, loc *time.Location) (time.Time, bool) {
	for d := localDate(t, loc).AddDate(0, 0, -1); d.Before(localDate(t, loc).AddDate(0, 0, MaxScheduleLookaheadDays)); d = d.AddDate(0, 0, 1) {
		if !s.meetsOn(d) {
			continue
		}
		if mt := s.meetingOn(d, loc); mt.End.After(t) {
			return mt.End, true
		}
	}
	return time.Time{}, false
}

// MaxScheduleLookaheadDays bounds the search for a schedule's next meeting:
// a schedule starting later than this is found again by a later pass.
const MaxScheduleLookaheadDays = 400

// FirstMeeting returns the first meeting on or after StartsOn: the
// DTSTART of the schedule's calendar event.
func (s *Schedule) FirstMeeting(loc *time.Location) (Meeting, bool) {
	d, ok := ParseDate(s.StartsOn)
	if !ok {
		return Meeting{}, false
	}
	for i := 0; i < 7*s.EveryWeeks+7; i++ {
		if day := d.AddDate(0, 0, i); s.meetsOn(day) {
			return s.meetingOn(day, loc), true
		}
	}
	return Meeting{}, false
}
