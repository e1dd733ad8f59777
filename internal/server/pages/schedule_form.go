package pages

import (
	"net/http"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
)

// schedulePost is a boss's 1:1 schedule form as typed: it reads the
// request, is the domain's input, and fills the form again as typed.
type schedulePost struct {
	Schedule journal.ScheduleInput
}

func parseSchedulePost(r *http.Request) schedulePost {
	return schedulePost{journal.ScheduleInput{
		Weekdays: r.PostForm["weekday"], Time: r.PostFormValue("time"), DurationMin: r.PostFormValue("duration_min"),
		EveryWeeks: r.PostFormValue("every_weeks"), StartsOn: r.PostFormValue("starts_on"), Remind: r.PostFormValue("remind") == "on",
	}}
}

// schedulePostOf is the form of a saved schedule, or a weekly half-hour
// on today's weekday for a boss without one.
func schedulePostOf(sched *journal.Schedule, today string) schedulePost {
	if sched == nil {
		d, _ := journal.ParseDate(today)
		return schedulePost{journal.ScheduleInput{Weekdays: []string{strconv.Itoa((int(d.Weekday())+6)%7 + 1)},
			Time: "10:00", DurationMin: "30", EveryWeeks: "1", StartsOn: today}}
	}
	in := journal.ScheduleInput{Time: sched.Time, DurationMin: strconv.Itoa(sched.DurationMin),
		EveryWeeks: strconv.Itoa(sched.EveryWeeks), StartsOn: sched.StartsOn, Remind: sched.Remind}
	for _, d := range sched.Weekdays {
		in.Weekdays = append(in.Weekdays, strconv.Itoa(d))
	}
	return schedulePost{in}
}

// values fill the form as typed, by form field name; the ticked days are
// days.
func (p schedulePost) values() map[string]string {
	in := p.Schedule
	v := map[string]string{"time": in.Time, "duration_min": in.DurationMin, "every_weeks": in.EveryWeeks, "starts_on": in.StartsOn}
	if in.Remind {
		v["remind"] = "on"
	}
	return v
}

// days are the ticked weekdays, by form value.
func (p schedulePost) days() map[string]bool {
	days := map[string]bool{}
	for _, d := range p.Schedule.Weekdays {
		days[d] = true
	}
	return days
}
