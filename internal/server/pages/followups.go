package pages

import (
	"fmt"
	"net/http"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

func (s *Handler) HandleFollowUpCreate(w http.ResponseWriter, r *http.Request) {
	e, ok := httpx.PostTarget(s.Base, w, r, s.userEntry)
	if !ok {
		return
	}
	p := parseFollowUpPost(r)
	in := p.input()
	key, err := s.CheckedToken(r, in.Validate)
	if err != nil {
		u := httpx.UserFrom(r.Context())
		s.renderEntryWith(w, r, http.StatusUnprocessableEntity, e, httpx.RefusedForm(p.values(), err), blockForms(e, s.Today(u)))
		return
	}
	_, replay, err := s.core.AddFollowUp(r.Context(), httpx.UserFrom(r.Context()).ID, e.ID, core.OnceKey{Key: key}, in)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectCreated(w, r, replay, entryURL(e.ID), "Follow-up added.")
}

// HandleFollowUpUpdate marks a follow-up done (done=1) or open again
// (done=0), then returns to the page it was sent from.
func (s *Handler) HandleFollowUpUpdate(w http.ResponseWriter, r *http.Request) {
	id, ok := httpx.PostTarget(s.Base, w, r, httpx.PathID)
	if !ok {
		return
	}
	var done bool
	switch r.PostFormValue("done") {
	case "1", "true", "on":
		done = true
	case "0", "false":
	default:
		s.RenderError(w, r, http.StatusUnprocessableEntity, "Say whether the follow-up is done: done=1 or done=0.")
		return
	}
	u := httpx.UserFrom(r.Context())
	now := s.Now()
	st := journal.Reopened()
	if done {
		st = journal.DoneAt(now, journal.Today(now, u.Location()))
	}
	f, err := s.core.SetFollowUpDone(r.Context(), u.ID, id, st)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	next := entryURL(f.EntryID)
	if n := r.PostFormValue("next"); n != "" {
		next = auth.SafeNext(n)
	}
	msg := "Marked done."
	if !done {
		msg = "Reopened."
	}
	s.RedirectWithFlash(w, r, next, msg)
}

// HandleFollowUps lists the open follow-ups a page at a time (?page=,
// as on /entries), grouped by boss within the page.
func (s *Handler) HandleFollowUps(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	q := r.URL.Query()
	page, ok := journal.ParsePage(q.Get("page"))
	if !ok {
		s.RenderError(w, r, http.StatusBadRequest, fmt.Sprintf("There is no such page: pages are numbered from 1 to %d.", journal.MaxPage))
		return
	}
	p, err := s.core.FollowUpsPage(r.Context(), u.ID, page)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	// Open is soonest due first, so overdue ones lead and a boss's group
	// sits where its most urgent follow-up does.
	v := web.FollowUpsView{Total: p.OpenCount, Today: s.Today(u), Withdrawn: p.Withdrawn,
		Page: page, First: (page-1)*core.FollowUpsPerPage + 1, Shown: len(p.Open), Here: pageURL("/followups", q, page)}
	if page > 1 {
		v.PrevURL = pageURL("/followups", q, page-1)
	}
	if p.More {
		v.NextURL = pageURL("/followups", q, page+1)
	}
	index := map[int64]int{}
	for _, f := range p.Open {
		i, ok := index[f.BossID]
		if !ok {
			i = len(v.Groups)
			index[f.BossID] = i
			v.Groups = append(v.Groups, web.FollowUpGroup{BossID: f.BossID, BossName: f.BossName})
		}
		v.Groups[i].Items = append(v.Groups[i].Items, f)
	}
	s.Render(w, r, http.StatusOK, web.FollowUpsPage(s.Page(r, "Follow-ups", "followups"), v))
}
