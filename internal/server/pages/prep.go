package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/report"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// prep gathers the agenda for the next 1:1 with the {id} boss, with up to
// followUps open follow-ups, in one store call.
func (s *Handler) prep(r *http.Request, followUps int) (*core.Prep, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	u := httpx.UserFrom(r.Context())
	return s.core.PrepPage(r.Context(), u.ID, id, s.Today(u), followUps)
}

func (s *Handler) HandlePrep(w http.ResponseWriter, r *http.Request) {
	p, err := s.prep(r, core.FollowUpsOnBossPage+1)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	v := web.PrepView{Prep: p, MoreOpen: len(p.FollowUps) > core.FollowUpsOnBossPage}
	p.FollowUps = p.FollowUps[:min(len(p.FollowUps), core.FollowUpsOnBossPage)]
	if v.ManualHTML, err = s.markdown.Render(p.Evidence.Manual.Notes); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, web.PrepPage(s.Page(r, "Prep: "+p.Boss.Name, "bosses"), v))
}

func (s *Handler) HandlePrepMarkdown(w http.ResponseWriter, r *http.Request) {
	// The agenda to take along keeps every open follow-up.
	p, err := s.prep(r, core.MaxOpenFollowUps)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	writeMarkdown(w, r, "leadup-prep-"+p.Today+".md", report.PrepAgenda(s.Localizer(r), p))
}
