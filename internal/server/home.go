package server

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
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
	week := journal.WeekOfDate(today)
	sum, err := s.db.WeekSummary(ctx, u.ID, week, today)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The summary lists the week oldest first; the home page shows the latest first.
	entries := make([]*journal.Entry, 0, entriesOnHome)
	for i := len(sum.Entries) - 1; i >= 0 && len(entries) < entriesOnHome; i-- {
		entries = append(entries, sum.Entries[i])
	}
	fus, err := s.db.FindOpenFollowUps(ctx, u.ID, 0, followUpsOnHome)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := web.HomeView{
		DisplayName: u.DisplayName,
		Glance:      web.Glance{Week: week.String(), Practices: sum.Practices, Neglected: sum.Neglected, Overdue: sum.FollowUps.Overdue},
		Capture:     capture,
		WeekLabel:   week.String(),
		WeekEntries: entries,
		WeekTotal:   len(sum.Entries),
		FollowUps:   fus,
		Today:       today,
		BetsDue:     sum.BetsDue,
	}
	s.render(w, r, http.StatusOK, web.HomePage(s.page(r, "Home", "home"), v))
}
