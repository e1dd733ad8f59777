package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/internal/server/jsondoc"
)

// HandleAPIWeek answers the same document as /weeks/{week}.json.
func (s *Handler) HandleAPIWeek(w http.ResponseWriter, r *http.Request) {
	week, err := journal.ParseWeek(chi.URLParam(r, "week"))
	if err != nil {
		httpx.WriteAPIError(w, http.StatusBadRequest, "bad_request", journal.ErrorMessage(err), map[string]string{"week": journal.ErrorMessage(err)})
		return
	}
	u := httpx.UserFrom(r.Context())
	sum, err := s.core.WeekPage(r.Context(), u.ID, week, s.Today(u))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, jsondoc.WeekOf(sum))
}
