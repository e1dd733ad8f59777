package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// scheduleForm fills the 1:1 schedule form from the boss's saved schedule,
// or with a weekly half-hour on today's weekday for a boss without one.
func (s *Handler) scheduleForm(sched *journal.Schedule, today string) web.ScheduleForm {
	p := schedulePostOf(sched, today)
	return web.ScheduleForm{Form: web.Form{Values: p.values()}, Days: p.days(), Saved: sched != nil, MailOn: s.Cfg.Reminders != nil}
}

// HandleScheduleSave sets a boss's recurring 1:1.
func (s *Handler) HandleScheduleSave(w http.ResponseWriter, r *http.Request) {
	b, ok := httpx.PostTarget(s.Base, w, r, s.userBoss)
	if !ok {
		return
	}
	p := parseSchedulePost(r)
	sched, err := p.Schedule.Validate()
	if err != nil {
		s.renderBoss(w, r, http.StatusUnprocessableEntity, b.ID, func(v *web.BossView) {
			v.Schedule = web.ScheduleForm{Form: httpx.RefusedForm(p.values(), err), Days: p.days(), Saved: v.Schedule.Saved, MailOn: s.Cfg.Reminders != nil}
		})
		return
	}
	if err := s.core.SaveSchedule(r.Context(), httpx.UserFrom(r.Context()).ID, b.ID, sched); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, bossURL(b.ID), "1:1 schedule saved.")
}
