package pages

import (
	"net/http"
	"strconv"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

func (s *Handler) HandleBosses(w http.ResponseWriter, r *http.Request) {
	s.renderBosses(w, r, http.StatusOK, web.Form{Values: map[string]string{"relation": "manager"}})
}

func (s *Handler) renderBosses(w http.ResponseWriter, r *http.Request, status int, form web.Form) {
	bosses, err := s.core.Bosses(r.Context(), httpx.UserFrom(r.Context()).ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if form.Get("token") == "" {
		form.Values = httpx.WithToken(form.Values, s.FormToken(httpx.UserFrom(r.Context())))
	}
	v := web.BossesView{Form: form}
	for _, b := range bosses {
		if b.Archived {
			v.Archived = append(v.Archived, b)
		} else {
			v.Active = append(v.Active, b)
		}
	}
	s.Render(w, r, status, web.BossesPage(s.Page(r, "Bosses", "bosses"), v))
}

func (s *Handler) HandleBossCreate(w http.ResponseWriter, r *http.Request) {
	if !s.ParseForm(w, r) {
		return
	}
	p := parseBossPost(r)
	in := p.input()
	key, err := s.CheckedToken(r, in.Validate)
	if err != nil {
		s.renderBosses(w, r, http.StatusUnprocessableEntity, httpx.RefusedForm(p.values(), err))
		return
	}
	id, replay, err := s.core.AddBoss(r.Context(), httpx.UserFrom(r.Context()).ID, core.OnceKey{Key: key}, in)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectCreated(w, r, replay, bossURL(id), in.Name+" added.")
}

func bossURL(id int64) string { return "/bosses/" + strconv.FormatInt(id, 10) }

// userBoss loads the {id} boss of the signed-in user.
func (s *Handler) userBoss(r *http.Request) (*journal.Boss, error) {
	return httpx.UserRecord(r, s.core.Boss)
}

func (s *Handler) HandleBossView(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.renderBoss(w, r, http.StatusOK, id, func(*web.BossView) {})
}

// renderBoss shows the page of the boss id; edit adjusts the view, to
// carry a bad form's values and messages.
func (s *Handler) renderBoss(w http.ResponseWriter, r *http.Request, status int, id int64, edit func(*web.BossView)) {
	u := httpx.UserFrom(r.Context())
	today := s.Today(u)
	pg, err := s.core.BossPage(r.Context(), u.ID, id, today)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	b := pg.Boss
	v := web.BossView{
		Boss:         pg.Boss,
		Form:         web.Form{Values: bossPostOf(b).values()},
		Priorities:   pg.Priorities,
		FollowUps:    pg.FollowUps[:min(len(pg.FollowUps), core.FollowUpsOnBossPage)],
		MoreFollowUp: len(pg.FollowUps) > core.FollowUpsOnBossPage,
		Recent:       pg.Recent,
		Today:        today,
		Evidence:     pg.Evidence,
		ManualForm:   web.ManualFormOf(pg.Evidence.Manual),
		Schedule:     s.scheduleForm(pg.Schedule, today),
	}
	for _, p := range journal.Practices {
		v.Mix = append(v.Mix, web.MixRow{Practice: p, Count: pg.Mix[p.Key]})
	}
	edit(&v)
	if v.PriorityForm.Get("token") == "" {
		v.PriorityForm.Values = httpx.WithToken(v.PriorityForm.Values, s.FormToken(u))
	}
	s.Render(w, r, status, web.BossPage(s.Page(r, b.Name, "bosses"), v))
}

func (s *Handler) HandleBossUpdate(w http.ResponseWriter, r *http.Request) {
	b, ok := httpx.PostTarget(s.Base, w, r, s.userBoss)
	if !ok {
		return
	}
	p := parseBossPost(r)
	in := p.input()
	if err := in.Validate(); err != nil {
		s.renderBoss(w, r, http.StatusUnprocessableEntity, b.ID, func(v *web.BossView) {
			v.Form = httpx.RefusedForm(p.values(), err)
		})
		return
	}
	if err := s.core.UpdateBoss(r.Context(), httpx.UserFrom(r.Context()).ID, b.ID, in); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, bossURL(b.ID), "Saved.")
}

// HandleBossArchive archives a boss, or restores one with archived=0.
func (s *Handler) HandleBossArchive(w http.ResponseWriter, r *http.Request) {
	b, ok := httpx.PostTarget(s.Base, w, r, s.userBoss)
	if !ok {
		return
	}
	archive := r.PostFormValue("archived") != "0"
	if err := s.core.ArchiveBoss(r.Context(), httpx.UserFrom(r.Context()).ID, b.ID, archive); err != nil {
		s.Fail(w, r, err)
		return
	}
	msg := b.Name + " is archived: gone from the entry form, history kept."
	if !archive {
		msg = b.Name + " is back in the entry form."
	}
	s.RedirectWithFlash(w, r, bossURL(b.ID), msg)
}

func (s *Handler) HandlePriorityCreate(w http.ResponseWriter, r *http.Request) {
	b, ok := httpx.PostTarget(s.Base, w, r, s.userBoss)
	if !ok {
		return
	}
	p := parsePriorityPost(r)
	in := p.input()
	key, err := s.CheckedToken(r, in.Validate)
	if err != nil {
		s.renderBoss(w, r, http.StatusUnprocessableEntity, b.ID, func(v *web.BossView) {
			v.PriorityForm = httpx.RefusedForm(p.values(), err)
		})
		return
	}
	u := httpx.UserFrom(r.Context())
	_, replay, err := s.core.AddPriority(r.Context(), u.ID, b.ID, core.OnceKey{Key: key}, in.Text, s.Today(u))
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectCreated(w, r, replay, bossURL(b.ID), "Priority added.")
}

func (s *Handler) HandlePriorityUpdate(w http.ResponseWriter, r *http.Request) {
	id, ok := httpx.PostTarget(s.Base, w, r, httpx.PathID)
	if !ok {
		return
	}
	u := httpx.UserFrom(r.Context())
	p, err := s.core.Priority(r.Context(), u.ID, id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	upd := journal.PriorityStatusUpdate{Status: r.PostFormValue("status")}
	if err := upd.Validate(); err != nil {
		s.renderBoss(w, r, http.StatusUnprocessableEntity, p.BossID, func(v *web.BossView) {
			v.PriorityForm = web.Form{Message: journal.ErrorMessage(err)}
		})
		return
	}
	if _, err := s.core.SetPriorityStatus(r.Context(), u.ID, id, upd.Status); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, bossURL(p.BossID), "Priority updated.")
}
