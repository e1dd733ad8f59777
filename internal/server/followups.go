package server

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
	"github.com/leadup/leadup/web"
)

func (s *Server) handleFollowUpCreate(w http.ResponseWriter, r *http.Request) {
	e, ok := postTarget(s, w, r, s.userEntry)
	if !ok {
		return
	}
	in := followUpInput(r)
	key, err := s.checkedToken(r, in.Validate)
	if err != nil {
		s.renderEntry(w, r, http.StatusUnprocessableEntity, e, invalidForm(r, err, "text", "owner", "due_on", "token"))
		return
	}
	_, replay, err := s.db.CreateFollowUpOnce(r.Context(), userFrom(r.Context()).ID, e.ID, sqlite.OnceKey{Key: key}, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectCreated(w, r, replay, entryURL(e.ID), "Follow-up added.")
}

// handleFollowUpUpdate marks a follow-up done (done=1) or open again
// (done=0), then returns to the page it was sent from.
func (s *Server) handleFollowUpUpdate(w http.ResponseWriter, r *http.Request) {
	id, ok := postTarget(s, w, r, pathID)
	if !ok {
		return
	}
	var done bool
	switch r.PostFormValue("done") {
	case "1", "true", "on":
		done = true
	case "0", "false":
	default:
		s.renderError(w, r, http.StatusUnprocessableEntity, "Say whether the follow-up is done: done=1 or done=0.")
		return
	}
	u := userFrom(r.Context())
	now := s.now()
	st := journal.Reopened()
	if done {
		st = journal.DoneAt(now, journal.Today(now, u.Location()))
	}
	f, err := s.db.SetFollowUpDone(r.Context(), u.ID, id, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next := entryURL(f.EntryID)
	if n := r.PostFormValue("next"); n != "" {
		next = safeNext(n)
	}
	msg := "Marked done."
	if !done {
		msg = "Reopened."
	}
	s.redirectWithFlash(w, r, next, msg)
}

// maxOpenFollowUps bounds the follow-ups page; nobody keeps more open.
const maxOpenFollowUps = 500

func (s *Server) handleFollowUps(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	open, err := s.db.FindOpenFollowUps(r.Context(), u.ID, 0, maxOpenFollowUps)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// open is soonest due first, so overdue ones lead and a boss's group
	// sits where its most urgent follow-up does.
	withdrawn, err := s.db.CountWithdrawnFollowUps(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := web.FollowUpsView{Total: len(open), Today: s.today(u), Withdrawn: withdrawn}
	index := map[int64]int{}
	for _, f := range open {
		i, ok := index[f.BossID]
		if !ok {
			i = len(v.Groups)
			index[f.BossID] = i
			v.Groups = append(v.Groups, web.FollowUpGroup{BossID: f.BossID, BossName: f.BossName})
		}
		v.Groups[i].Items = append(v.Groups[i].Items, f)
	}
	s.render(w, r, http.StatusOK, web.FollowUpsPage(s.page(r, "Follow-ups", "followups"), v))
}
