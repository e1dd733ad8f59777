package server

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// followUpsOnHome is how many open follow-ups the home page lists.
const followUpsOnHome = 5

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := userFrom(ctx)
	today := s.today(u)
	capture, err := s.entryForm(ctx, u, web.Form{Values: s.newEntryValues(u, "")}, nil, nil)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	preselectOnlyBoss(&capture)
	capture.Compact = true
	label, start, end := journal.WeekOf(today)
	week, _, err := s.db.FindEntries(ctx, u.ID, journal.EntryFilter{From: start, To: end})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fus, err := s.db.FindOpenFollowUps(ctx, u.ID, 0, followUpsOnHome)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := web.HomeView{DisplayName: u.DisplayName, Capture: capture, WeekLabel: label, WeekEntries: week, FollowUps: fus, Today: today}
	s.render(w, r, http.StatusOK, web.HomePage(s.page(r, "Home", "home"), v))
}
