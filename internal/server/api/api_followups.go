package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

// FollowUp is a follow-up as exported, with the entry it belongs to.
type FollowUp struct {
	export.FollowUp
	EntryID string `json:"entry_id"`
}

func apiFollowUpOf(f *journal.FollowUp) FollowUp {
	return FollowUp{FollowUp: export.FollowUpOf(f), EntryID: f.EntryPublicID}
}

type apiFollowUpBody struct {
	Text  string `json:"text"`
	Owner string `json:"owner"`
	DueOn string `json:"due_on"`
}

// HandleAPIFollowUps lists the open follow-ups, soonest due first, as the
// follow-ups page does.
func (s *Handler) HandleAPIFollowUps(w http.ResponseWriter, r *http.Request) {
	open, err := s.core.OpenFollowUps(r.Context(), httpx.UserFrom(r.Context()).ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		FollowUps []FollowUp `json:"followups"`
	}{FollowUps: make([]FollowUp, 0, len(open))}
	for _, f := range open {
		out.FollowUps = append(out.FollowUps, apiFollowUpOf(f))
	}
	httpx.WriteAPI(w, http.StatusOK, out)
}

// HandleAPIFollowUpCreate adds a follow-up to an entry; see
// HandleAPIEntryCreate about Idempotency-Key.
func (s *Handler) HandleAPIFollowUpCreate(w http.ResponseWriter, r *http.Request) {
	entryID, err := s.apiEntryID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	key, body, ok := readCreate[apiFollowUpBody](w, r)
	if !ok {
		return
	}
	in := journal.FollowUpInput{Text: body.Text, Owner: body.Owner, DueOn: body.DueOn}
	if err := in.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	id, replay, err := s.core.AddFollowUp(r.Context(), httpx.UserFrom(r.Context()).ID, entryID, key, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeAPIFollowUp(w, r, createdStatus(replay), id)
}

// HandleAPIFollowUp answers one follow-up, open or done: the Location of
// a create.
func (s *Handler) HandleAPIFollowUp(w http.ResponseWriter, r *http.Request) {
	f, err := s.core.FollowUpByPublicID(r.Context(), httpx.UserFrom(r.Context()).ID, chi.URLParam(r, "id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	httpx.WriteAPI(w, http.StatusOK, apiFollowUpOf(f))
}

// writeAPIFollowUp answers the follow-up with row id; a create's answer
// names it in Location.
func (s *Handler) writeAPIFollowUp(w http.ResponseWriter, r *http.Request, status int, id int64) {
	f, err := s.core.FollowUp(r.Context(), httpx.UserFrom(r.Context()).ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		w.Header().Set("Location", s.Cfg.BasePath+"/api/v1/followups/"+f.PublicID)
	}
	httpx.WriteAPI(w, status, apiFollowUpOf(f))
}

type apiFollowUpPatch struct {
	Done *bool `json:"done"`
}

// apiFollowUpID reads the {id} path parameter, a public id, as a row id.
func (s *Handler) apiFollowUpID(r *http.Request) (int64, error) {
	return s.core.FollowUpIDByPublicID(r.Context(), httpx.UserFrom(r.Context()).ID, chi.URLParam(r, "id"))
}

// HandleAPIFollowUpUpdate marks a follow-up done or open again.
func (s *Handler) HandleAPIFollowUpUpdate(w http.ResponseWriter, r *http.Request) {
	id, body, ok := apiTarget[apiFollowUpPatch](s, w, r, s.apiFollowUpID)
	if !ok {
		return
	}
	ctx := r.Context()
	u := httpx.UserFrom(ctx)
	if body.Done == nil {
		httpx.WriteAPIError(w, http.StatusUnprocessableEntity, journal.EINVALID, "Please correct the highlighted fields.",
			map[string]string{"done": "Say whether it is done: true or false."})
		return
	}
	now := s.Now()
	st := journal.Reopened()
	if *body.Done {
		st = journal.DoneAt(now, journal.Today(now, u.Location()))
	}
	f, err := s.core.SetFollowUpDone(ctx, u.ID, id, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	httpx.WriteAPI(w, http.StatusOK, apiFollowUpOf(f))
}
