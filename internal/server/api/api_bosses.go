package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

type apiBossBody struct {
	Name     string `json:"name"`
	Relation string `json:"relation"`
	Role     string `json:"role"`
}

// HandleAPIBosses lists every boss, archived ones too, as the export does.
func (s *Handler) HandleAPIBosses(w http.ResponseWriter, r *http.Request) {
	bosses, err := s.core.Bosses(r.Context(), httpx.UserFrom(r.Context()).ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		Bosses []export.Boss `json:"bosses"`
	}{Bosses: make([]export.Boss, 0, len(bosses))}
	for _, b := range bosses {
		out.Bosses = append(out.Bosses, export.BossOf(b))
	}
	httpx.WriteAPI(w, http.StatusOK, out)
}

// HandleAPIBossCreate adds a boss; see HandleAPIEntryCreate about
// Idempotency-Key.
func (s *Handler) HandleAPIBossCreate(w http.ResponseWriter, r *http.Request) {
	key, body, ok := readCreate[apiBossBody](w, r)
	if !ok {
		return
	}
	in := journal.BossInput{Name: body.Name, Relation: body.Relation, Role: body.Role}
	if err := in.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	id, replay, err := s.core.AddBoss(r.Context(), httpx.UserFrom(r.Context()).ID, key, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeAPIBoss(w, r, createdStatus(replay), id)
}

// HandleAPIBoss answers one boss, archived or not: the Location of a
// create.
func (s *Handler) HandleAPIBoss(w http.ResponseWriter, r *http.Request) {
	b, err := s.core.BossByPublicID(r.Context(), httpx.UserFrom(r.Context()).ID, chi.URLParam(r, "id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	httpx.WriteAPI(w, http.StatusOK, export.BossOf(b))
}

// writeAPIBoss answers the boss with row id; a create's answer names it
// in Location.
func (s *Handler) writeAPIBoss(w http.ResponseWriter, r *http.Request, status int, id int64) {
	b, err := s.core.Boss(r.Context(), httpx.UserFrom(r.Context()).ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		w.Header().Set("Location", s.Cfg.BasePath+"/api/v1/bosses/"+b.PublicID)
	}
	httpx.WriteAPI(w, status, export.BossOf(b))
}
