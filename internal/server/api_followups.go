package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
)

// apiFollowUp is a follow-up as exported, with the entry it belongs to.
type apiFollowUp struct {
	export.FollowUp
	EntryID string `json:"entry_id"`
}

func apiFollowUpOf(f *journal.FollowUp) apiFollowUp {
	return apiFollowUp{FollowUp: export.FollowUpOf(f), EntryID: f.EntryPublicID}
}

type apiFollowUpBody struct {
	Text  string `json:"text"`
	Owner string `json:"owner"`
	DueOn string `json:"due_on"`
}

// handleAPIFollowUps lists the open follow-ups, soonest due first, as the
// follow-ups page does.
func (s *Server) handleAPIFollowUps(w http.ResponseWriter, r *http.Request) {
	open, err := s.core.OpenFollowUps(r.Context(), userFrom(r.Context()).ID)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := struct {
		FollowUps []apiFollowUp `json:"followups"`
	}{FollowUps: make([]apiFollowUp, 0, len(open))}
	for _, f := range open {
		out.FollowUps = append(out.FollowUps, apiFollowUpOf(f))
	}
	writeAPI(w, http.StatusOK, out)
}

// handleAPIFollowUpCreate adds a follow-up to an entry; see
// handleAPIEntryCreate about Idempotency-Key.
func (s *Server) handleAPIFollowUpCreate(w http.ResponseWriter, r *http.Request) {
	entryID, err := s.apiEntryID(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	key, body, ok := readCreate[apiFollowUpBody](w, r)
	if !ok {
		return
	}
	in := journal.FollowUpInput{Text: body.Text, Owner: body.Owner, DueOn: body.DueOn}
	if err := in.Validate(); err != nil {
		s.apiFail(w, r, err)
		return
	}
	id, replay, err := s.core.AddFollowUp(r.Context(), userFrom(r.Context()).ID, entryID, key, in)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeAPIFollowUp(w, r, createdStatus(replay), id)
}

// handleAPIFollowUp answers one follow-up, open or done: the Location of
// a create.
func (s *Server) handleAPIFollowUp(w http.ResponseWriter, r *http.Request) {
	f, err := s.core.FollowUpByPublicID(r.Context(), userFrom(r.Context()).ID, chi.URLParam(r, "id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeAPI(w, http.StatusOK, apiFollowUpOf(f))
}

// writeAPIFollowUp answers the follow-up with row id; a create's answer
// names it in Location.
func (s *Server) writeAPIFollowUp(w http.ResponseWriter, r *http.Request, status int, id int64) {
	f, err := s.core.FollowUp(r.Context(), userFrom(r.Context()).ID, id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		w.Header().Set("Location", s.cfg.BasePath+"/api/v1/followups/"+f.PublicID)
	}
	writeAPI(w, status, apiFollowUpOf(f))
}

type apiFollowUpPatch struct {
	Done *bool `json:"done"`
}

// apiFollowUpID reads the {id} path parameter, a public id, as a row id.
func (s *Server) apiFollowUpID(r *http.Request) (int64, error) {
	return s.core.FollowUpIDByPublicID(r.Context(), userFrom(r.Context()).ID, chi.URLParam(r, "id"))
}

// handleAPIFollowUpUpdate marks a follow-up done or open again.
func (s *Server) handleAPIFollowUpUpdate(w http.ResponseWriter, r *http.Request) {
	id, body, ok := apiTarget[apiFollowUpPatch](s, w, r, s.apiFollowUpID)
	if !ok {
		return
	}
	ctx := r.Context()
	u := userFrom(ctx)
	if body.Done == nil {
		writeAPIError(w, http.StatusUnprocessableEntity, journal.EINVALID, "Please correct the highlighted fields.",
			map[string]string{"done": "Say whether it is done: true or false."})
		return
	}
	now := s.now()
	st := journal.Reopened()
	if *body.Done {
		st = journal.DoneAt(now, journal.Today(now, u.Location()))
	}
	f, err := s.core.SetFollowUpDone(ctx, u.ID, id, st)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeAPI(w, http.StatusOK, apiFollowUpOf(f))
}
