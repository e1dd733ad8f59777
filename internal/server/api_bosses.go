package server

import (
	"net/http"

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
	u := userFrom(r.Context())
	id, replay, err := s.db.CreateBossOnce(r.Context(), u.ID, key, in)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	b, err := s.db.FindBoss(r.Context(), u.ID, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Location", s.cfg.BasePath+"/api/v1/bosses/"+b.PublicID)
	writeAPI(w, createdStatus(replay), export.BossOf(b))
}
