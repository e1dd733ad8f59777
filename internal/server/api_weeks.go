package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
)

// handleAPIWeek answers the same document as /weeks/{week}.json.
func (s *Server) handleAPIWeek(w http.ResponseWriter, r *http.Request) {
	week, err := journal.ParseWeek(chi.URLParam(r, "week"))
	if err != nil {
		writeAPIError(w, http.StatusBadRequest, "bad_request", journal.ErrorMessage(err), map[string]string{"week": journal.ErrorMessage(err)})
		return
	}
	u := userFrom(r.Context())
	sum, err := s.core.WeekPage(r.Context(), u.ID, week, s.today(u))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, weekJSONOf(sum))
}
