// Package calendar writes a user's secret iCalendar feed (RFC 5545): open
// follow-ups with a due date as all-day events, 1:1 schedules as recurring
// events in the user's zone.
package calendar

import (
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

// horizonYears is how far ahead of now the feed's time zone is right: a
// zone's yearly rule is checked against Go's zone data that far, and a
// zone without one has its changes listed up to it.
const horizonYears = 30

// localLayout is a DATE-TIME in local time, read with the TZID.
const localLayout = "20060102T150405"

var isoDays = []string{"", "MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// Feed returns the iCalendar text of the feed, its event titles in the
// language of l (the owner's).
func Feed(l *i18n.Localizer, u *journal.User, schedules []*journal.Schedule, followUps []*journal.FollowUp, now time.Time) string {
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
		cal.AddVTimezone(Timezone(loc, from, now.AddDate(horizonYears, 0, 0)))
	}
	for _, s := range schedules {
		first, ok := s.FirstMeeting(loc)
		if !ok {
			continue
		}
		e := cal.AddEvent("schedule-" + s.PublicID + "@leadup")
		e.SetDtStampTime(now)
		e.SetSummary(l.T("calendar.one_on_one", map[string]any{"Boss": s.BossName}))
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
		summary := FollowUpTitle(l, f)
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

// FollowUpTitle names a follow-up by who owes whom what ("You owe Ana:
// the budget"), in the language of l: its event's title, and its line in
// a reminder mail.
func FollowUpTitle(l *i18n.Localizer, f *journal.FollowUp) string {
	id := "owes.me"
	if f.Owner == "boss" {
		id = "owes.boss"
	}
	return l.T(id, map[string]any{"Boss": f.BossName, "Text": f.Text})
}

// offset writes seconds east of UTC as +HHMM, or +HHMMSS for the odd
// old local mean time that needs its seconds (RFC 5545 §3.3.14).
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	s := fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
