package server

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/report"
	"github.com/leadup/leadup/web"
)

// prepRecent is how many entries each list on the prep page holds.
const prepRecent = 3

// prep gathers the agenda for the next 1:1 with the {id} boss, with up to
// followUps open follow-ups.
func (s *Server) prep(r *http.Request, followUps int) (report.Prep, error) {
	ctx := r.Context()
	u := userFrom(ctx)
	b, err := s.userBoss(r)
	if err != nil {
		return report.Prep{}, err
	}
	today := s.today(u)
	p := report.Prep{Boss: b, Today: today}
	if p.FollowUps, err = s.db.FindOpenFollowUps(ctx, u.ID, b.ID, followUps); err != nil {
		return p, err
	}
	if p.Priorities, err = s.db.FindPriorities(ctx, u.ID, b.ID, "active"); err != nil {
		return p, err
	}
	// One read for the manual, drift, the quarter's promises and every
	// priority's last entry (formerly one query per priority).
	if p.Evidence, err = s.db.BossEvidence(ctx, u.ID, b.ID, today); err != nil {
		return p, err
	}
	p.LastTouched = p.Evidence.LastTouched
	fourWeeks := journal.WeekOfDate(today).Add(-3).Start
	recent := func(practice string) ([]*journal.Entry, error) {
		list, _, err := s.db.FindEntries(ctx, u.ID, journal.EntryFilter{BossID: b.ID, Practice: practice, From: journal.AddDays(today, -90), Limit: prepRecent})
		return list, err
	}
	if p.Problems, err = recent("solutions"); err != nil {
		return p, err
	}
	if p.Risks, err = recent("risk"); err != nil {
		return p, err
	}
	counts, err := s.db.BossPracticeCounts(ctx, u.ID, b.ID, fourWeeks, today)
	if err != nil {
		return p, err
	}
	p.Neglected = journal.Zeros(counts)
	if p.Recent, _, err = s.db.FindEntries(ctx, u.ID, journal.EntryFilter{BossID: b.ID, Limit: prepRecent}); err != nil {
		return p, err
	}
	if p.OpenProblems, err = s.db.FindOpenProblems(ctx, u.ID, b.ID, maxOpenFollowUps); err != nil {
		return p, err
	}
	if p.DueBets, err = s.db.FindDueBets(ctx, u.ID, b.ID, today, maxOpenFollowUps); err != nil {
		return p, err
	}
	if p.DueForecasts, err = s.db.FindDueForecasts(ctx, u.ID, b.ID, today, maxOpenFollowUps); err != nil {
		return p, err
	}
	return p, nil
}

func (s *Server) handlePrep(w http.ResponseWriter, r *http.Request) {
	p, err := s.prep(r, followUpsOnBossPage+1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := web.PrepView{
		Boss: p.Boss, FollowUps: p.FollowUps[:min(len(p.FollowUps), followUpsOnBossPage)], MoreOpen: len(p.FollowUps) > followUpsOnBossPage,
		Priorities: p.Priorities, LastTouched: p.LastTouched,
		Problems: p.Problems, Risks: p.Risks, Neglected: p.Neglected, Recent: p.Recent, Today: p.Today,
		OpenProblems: p.OpenProblems, DueBets: p.DueBets, DueForecasts: p.DueForecasts, Evidence: p.Evidence,
	}
	if v.ManualHTML, err = s.markdown.Render(p.Evidence.Manual.Notes); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, web.PrepPage(s.page(r, "Prep: "+p.Boss.Name, "bosses"), v))
}

func (s *Server) handlePrepMarkdown(w http.ResponseWriter, r *http.Request) {
	// The agenda to take along keeps every open follow-up.
	p, err := s.prep(r, maxOpenFollowUps)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeMarkdown(w, report.PrepAgenda(p))
}
