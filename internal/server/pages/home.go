package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

func (s *Handler) HandleHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := httpx.UserFrom(ctx)
	today := s.Today(u)
	h, err := s.core.HomePage(ctx, u.ID, today)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	capture := s.entryForm(u, web.Form{Values: s.newEntryPost(u, "").values()}, nil, nil, h.Choices)
	preselectBoss(&capture, h.Choices.LastBossID)
	v := web.HomeView{
		DisplayName:  u.DisplayName,
		Glance:       web.Glance{Week: h.Week.String(), Practices: h.Practices, Neglected: h.Neglected, Overdue: h.Overdue},
		Capture:      capture,
		WeekLabel:    h.Week.String(),
		WeekEntries:  h.WeekEntries,
		WeekTotal:    h.WeekTotal,
		FollowUps:    h.FollowUps,
		Today:        today,
		BetsDue:      h.BetsDue,
		ForecastsDue: h.ForecastsDue,
	}
	s.Render(w, r, http.StatusOK, web.HomePage(s.Page(r, "Home", "home"), v))
}
