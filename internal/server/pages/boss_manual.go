package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// manualFields are the manual form's fields.
var manualFields = []string{"manual_prefers", "manual_channel", "manual_cares", "manual_frustrations", "manual_notes"}

// HandleManualSave saves a boss's operating manual; a bad field re-shows
// the boss page with 422 and everything typed.
func (s *Handler) HandleManualSave(w http.ResponseWriter, r *http.Request) {
	b, ok := httpx.PostTarget(s.Base, w, r, s.userBoss)
	if !ok {
		return
	}
	m := journal.Manual{
		Prefers: r.PostFormValue("manual_prefers"), Channel: r.PostFormValue("manual_channel"), Cares: r.PostFormValue("manual_cares"),
		Frustrations: r.PostFormValue("manual_frustrations"), Notes: r.PostFormValue("manual_notes"),
	}
	if err := m.Validate(); err != nil {
		s.renderBoss(w, r, http.StatusUnprocessableEntity, b.ID, func(v *web.BossView) {
			v.ManualForm = httpx.InvalidForm(r, err, manualFields...)
		})
		return
	}
	if err := s.core.SaveManual(r.Context(), httpx.UserFrom(r.Context()).ID, b.ID, m); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, bossURL(b.ID), "Manual saved.")
}
