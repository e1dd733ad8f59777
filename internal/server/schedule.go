package server

import (
	"net/http"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// scheduleForm fills the 1:1 schedule form from the boss's saved schedule,
// or with a weekly half-hour on today's weekday for a boss without one.
func (s *Server) scheduleForm(sched *journal.Schedule, today string) web.ScheduleForm {
	f := web.ScheduleForm{MailOn: s.cfg.Reminders != nil, Days: map[string]bool{}}
	if sched == nil {
		d, _ := journal.ParseDate(today)
		f.Days[strconv.Itoa((int(d.Weekday())+6)%7+1)] = true
		f.Values = map[string]string{"time": "10:00", "duration_min": "30", "every_weeks": "1", "starts_on": today}
		return f
	}
	f.Saved = true
	for _, d := range sched.Weekdays {
		f.Days[strconv.Itoa(d)] = true
	}
	f.Values = map[string]string{"time": sched.Time, "duration_min": strconv.Itoa(sched.DurationMin),
		"every_weeks": strconv.Itoa(sched.EveryWeeks), "starts_on": sched.StartsOn}
	if sched.Remind {
		f.Values["remind"] = "on"
	}
	return f
}

func scheduleInput(r *http.Request) journal.ScheduleInput {
	return journal.ScheduleInput{
		Weekdays: r.PostForm["weekday"], Time: r.PostFormValue("time"), DurationMin: r.PostFormValue("duration_min"),
		EveryWeeks: r.PostFormValue("every_weeks"), StartsOn: r.PostFormValue("starts_on"), Remind: r.PostFormValue("remind") == "on",
	}
}

// handleScheduleSave sets a boss's recurring 1:1.
func (s *Server) handleScheduleSave(w http.ResponseWriter, r *http.Request) {
	b, ok := postTarget(s, w, r, s.userBoss)
	if !ok {
		return
	}
	sched, err := scheduleInput(r).Validate()
	if err != nil {
		s.renderBoss(w, r, http.StatusUnprocessableEntity, b.ID, func(v *web.BossView) {
			v.Schedule = web.ScheduleForm{
				Form:   invalidForm(r, err, "time", "duration_min", "every_weeks", "starts_on", "remind"),
				Days:   map[string]bool{},
				Saved:  v.Schedule.Saved,
				MailOn: s.cfg.Reminders != nil,
			}
			for _, d := range r.PostForm["weekday"] {
				v.Schedule.Days[d] = true
			}
		})
		return
	}
	if err := s.core.SaveSchedule(r.Context(), userFrom(r.Context()).ID, b.ID, sched); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectWithFlash(w, r, bossURL(b.ID), "1:1 schedule saved.")
}
