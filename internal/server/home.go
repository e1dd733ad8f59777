package server

import (
	"net/http"

	"github.com/leadup/leadup/web"
)

// followUpsOnHome is how many open follow-ups the home page lists.
const followUpsOnHome = 5

// entriesOnHome is how many of the week's entries the home page lists,
// latest first; the week page has them all. It keeps a busy week's home
// page small on a phone's connection.
const entriesOnHome = 3

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := userFrom(ctx)
	today := s.today(u)
	capture, err := s.entryForm(ctx, u, web.Form{Values: s.newEntryValues(u, "")}, nil, nil)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.preselectBoss(ctx, u, &capture); err != nil {
		s.fail(w, r, err)
		return
	}
	h, err := s.db.HomePage(ctx, u.ID, today, entriesOnHome, followUpsOnHome)
	if err != nil {
		s.fail(w, r, err)
		return
	}
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
	s.render(w, r, http.StatusOK, web.HomePage(s.page(r, "Home", "home"), v))
}
