// Package calendar writes a user's secret iCalendar feed (RFC 5545): open
// follow-ups with a due date as all-day events, 1:1 schedules as recurring
// events in the user's zone.
package calendar

import (
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/leadup/leadup/internal/journal"
)

// feedYears is how far ahead the zone's transitions are written: clients
// extend the last rules beyond it.
const feedYears = 2

// localLayout is a DATE-TIME in local time, read with the TZID.
const localLayout = "20060102T150405"

var isoDays = []string{"", "MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// Feed returns the iCalendar text of the feed.
func Feed(u *journal.User, schedules []*journal.Schedule, followUps []*journal.FollowUp, now time.Time) string {
	loc := u.Location()
	cal := ics.NewCalendar()
	cal.SetProductId("-//leadup//leadup//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("leadup")
	cal.SetXWRCalName("leadup")

	if len(schedules) > 0 {
		from := now
		for _, s := range schedules {
			if d, ok := journal.ParseDate(s.StartsOn); ok && d.Before(from) {
				from = d
			}
		}
		cal.AddVTimezone(Timezone(loc, from, now.AddDate(feedYears, 0, 0)))
	}
	for _, s := range schedules {
		first, ok := s.FirstMeeting(loc)
		if !ok {
			continue
		}
		e := cal.AddEvent("schedule-" + s.PublicID + "@leadup")
		e.SetDtStampTime(now)
		e.SetSummary("1:1 with " + s.BossName)
		e.SetProperty(ics.ComponentPropertyDtStart, first.Start.In(loc).Format(localLayout), ics.WithTZID(loc.String()))
		e.SetProperty(ics.ComponentPropertyDuration, fmt.Sprintf("PT%dM", s.DurationMin))
		days := make([]string, len(s.Weekdays))
		for i, d := range s.Weekdays {
			days[i] = isoDays[d]
		}
		e.AddRrule(fmt.Sprintf("FREQ=WEEKLY;INTERVAL=%d;BYDAY=%s;WKST=MO", s.EveryWeeks, strings.Join(days, ",")))
	}
	for _, f := range followUps {
		due, ok := journal.ParseDate(f.DueOn)
		if !ok {
			continue
		}
		e := cal.AddEvent("followup-" + f.PublicID + "@leadup")
		e.SetDtStampTime(now)
		summary := "You owe " + f.BossName + ": " + f.Text
		if f.Owner == "boss" {
			summary = f.BossName + " owes you: " + f.Text
		}
		e.SetSummary(summary)
		e.SetAllDayStartAt(due)
		e.SetAllDayEndAt(due.AddDate(0, 0, 1))
		a := e.AddAlarm()
		a.SetAction(ics.ActionDisplay)
		a.SetProperty(ics.ComponentPropertyDescription, summary)
		a.SetTrigger("PT9H") // 09:00 on the due date
	}
	// RFC 5545 §3.1: content lines end in CRLF (the library's default is
	// the platform's newline); it folds at 75 octets.
	return cal.Serialize(ics.WithNewLineWindows)
}

// Timezone builds the VTIMEZONE for loc from its transitions between from
// and to (RFC 5545 §3.6.5): one observance for the offset in force at
// from, then one per change. The library does not make one.
func Timezone(loc *time.Location, from, to time.Time) *ics.VTimezone {
	tz := ics.NewTimezone(loc.String())
	t := from
	_, off := t.In(loc).Zone()
	start, _ := t.In(loc).ZoneBounds()
	if start.IsZero() {
		start = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	addObservance(tz, t.In(loc), start, off, off)
	for {
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || end.After(to) {
			return tz
		}
		_, prev := t.In(loc).Zone()
		t = end
		_, next := t.In(loc).Zone()
		addObservance(tz, t.In(loc), t, prev, next)
	}
}

// addObservance adds a STANDARD or DAYLIGHT block that starts at the
// instant at, whose DTSTART is written in the offset before it.
func addObservance(tz *ics.VTimezone, in time.Time, at time.Time, from, to int) {
	var cb *ics.ComponentBase
	if in.IsDST() {
		d := &ics.Daylight{}
		tz.Components = append(tz.Components, d)
		cb = &d.ComponentBase
	} else {
		s := tz.AddStandard()
		cb = &s.ComponentBase
	}
	name, _ := in.Zone()
	local := at.In(time.FixedZone("", from))
	cb.SetProperty(ics.ComponentPropertyDtStart, local.Format(localLayout))
	cb.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(from))
	cb.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(to))
	cb.SetProperty(ics.ComponentProperty(ics.PropertyTzname), name)
}

// offset writes seconds east of UTC as +HHMM.
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	return fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
}
