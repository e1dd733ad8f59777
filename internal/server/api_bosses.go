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
	bosses, err := s.db.FindBosses(r.Context(), userFrom(r.Context()).ID, true)
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
	id, replay, err := s.db.CreateBossOnce(r.Context(), userFrom(r.Context()).ID, key, in)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeAPIBoss(w, r, createdStatus(replay), id)
}

// handleAPIBoss answers one boss, archived or not: the Location of a
// create.
func (s *Server) handleAPIBoss(w http.ResponseWriter, r *http.Request) {
	id, err := s.db.BossIDByPublicID(r.Context(), userFrom(r.Context()).ID, chi.URLParam(r, "id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeAPIBoss(w, r, http.StatusOK, id)
}

// writeAPIBoss answers the boss with row id; a create's answer names it
// in Location.
func (s *Server) writeAPIBoss(w http.ResponseWriter, r *http.Request, status int, id int64) {
	b, err := s.db.FindBoss(r.Context(), userFrom(r.Context()).ID, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		w.Header().Set("Location", s.cfg.BasePath+"/api/v1/bosses/"+b.PublicID)
	}
	writeAPI(w, status, export.BossOf(b))
}
