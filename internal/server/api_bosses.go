package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
)

type apiBossBody struct {
	Name     string `json:"name"`
	Relation string `json:"relation"`
	Role     string `json:"role"`
}

// handleAPIBosses lists every boss, archived ones too, as the export does.
func (s *Server) handleAPIBosses(w http.ResponseWriter, r *http.Request) {
	bosses, err := s.core.Bosses(r.Context(), userFrom(r.Context()).ID)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := struct {
		Bosses []export.Boss `json:"bosses"`
	}{Bosses: make([]export.Boss, 0, len(bosses))}
	for _, b := range bosses {
		out.Bosses = append(out.Bosses, export.BossOf(b))
	}
	writeAPI(w, http.StatusOK, out)
}

// handleAPIBossCreate adds a boss; see handleAPIEntryCreate about
// Idempotency-Key.
func (s *Server) handleAPIBossCreate(w http.ResponseWriter, r *http.Request) {
	key, body, ok := readCreate[apiBossBody](w, r)
	if !ok {
		return
	}
	in := journal.BossInput{Name: body.Name, Relation: body.Relation, Role: body.Role}
	if err := in.Validate(); err != nil {
		s.apiFail(w, r, err)
		return
	}
	id, replay, err := s.core.AddBoss(r.Context(), userFrom(r.Context()).ID, key, in)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeAPIBoss(w, r, createdStatus(replay), id)
}

// handleAPIBoss answers one boss, archived or not: the Location of a
// create.
func (s *Server) handleAPIBoss(w http.ResponseWriter, r *http.Request) {
	b, err := s.core.BossByPublicID(r.Context(), userFrom(r.Context()).ID, chi.URLParam(r, "id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeAPI(w, http.StatusOK, export.BossOf(b))
}

// writeAPIBoss answers the boss with row id; a create's answer names it
// in Location.
func (s *Server) writeAPIBoss(w http.ResponseWriter, r *http.Request, status int, id int64) {
	b, err := s.core.Boss(r.Context(), userFrom(r.Context()).ID, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		w.Header().Set("Location", s.cfg.BasePath+"/api/v1/bosses/"+b.PublicID)
	}
	writeAPI(w, status, export.BossOf(b))
}
