package server

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// scheduleForm fills the 1:1 schedule form from the boss's saved schedule,
// or with a weekly half-hour on today's weekday for a boss without one.
func (s *Server) scheduleForm(sched *journal.Schedule, today string) web.ScheduleForm {
	p := schedulePostOf(sched, today)
	return web.ScheduleForm{Form: web.Form{Values: p.values()}, Days: p.days(), Saved: sched != nil, MailOn: s.cfg.Reminders != nil}
}

// handleScheduleSave sets a boss's recurring 1:1.
func (s *Server) handleScheduleSave(w http.ResponseWriter, r *http.Request) {
	b, ok := postTarget(s, w, r, s.userBoss)
	if !ok {
		return
	}
	p := parseSchedulePost(r)
	sched, err := p.Schedule.Validate()
	if err != nil {
		s.renderBoss(w, r, http.StatusUnprocessableEntity, b.ID, func(v *web.BossView) {
			v.Schedule = web.ScheduleForm{Form: refusedForm(p.values(), err), Days: p.days(), Saved: v.Schedule.Saved, MailOn: s.cfg.Reminders != nil}
		})
		return
	}
	if err := s.core.SaveSchedule(r.Context(), userFrom(r.Context()).ID, b.ID, sched); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectWithFlash(w, r, bossURL(b.ID), "1:1 schedule saved.")
}
