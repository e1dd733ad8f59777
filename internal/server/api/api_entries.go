package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

// API list page sizes.
const (
	apiDefaultLimit = 50
	apiMaxLimit     = 100
)

// apiEntryBody is an entry as the API takes it: the export's field names,
// with the boss and priority named by public id. Absent fields keep their
// value on PATCH and take the form's defaults on POST.
type apiEntryBody struct {
	BossID      *string        `json:"boss_id"`
	NewBossName *string        `json:"new_boss_name"`
	OccurredOn  *string        `json:"occurred_on"`
	Kind        *string        `json:"kind"`
	Summary     *string        `json:"summary"`
	Notes       *string        `json:"notes"`
	Practices   *[]string      `json:"practices"`
	PriorityID  nullableString `json:"priority_id"`
}

// nullableString tells an absent member from null: null unlinks.
type nullableString struct {
	Set   bool
	Value string
}

func (n *nullableString) UnmarshalJSON(b []byte) error {
	n.Set = true
	if string(b) == "null" {
		n.Value = ""
		return nil
	}
	return json.Unmarshal(b, &n.Value)
}

// EntryList is one page of the entry list.
type EntryList struct {
	Entries []export.Entry `json:"entries"`
	Next    *string        `json:"next"` // pass as ?cursor= for the next page; null on the last
}

// apiCursor is where a page of the entry list ended. Clients get it
// sealed (see encodeCursor): it holds a row id, which is never shown.
type apiCursor struct {
	OccurredOn string `json:"d,omitempty"`
	ID         int64  `json:"i,omitempty"`
	Offset     int    `json:"o,omitempty"`
}

// cursorPurpose separates the list cursor from everything else sealed
// with the server secret.
const cursorPurpose = "api-entry-cursor"

// encodeCursor seals c for u, so that a client can neither read the row id
// in it nor change it, and another user cannot use it.
func (s *Handler) encodeCursor(u *journal.User, c *core.EntryCursor) *string {
	if c == nil {
		return nil
	}
	b, _ := json.Marshal(apiCursor{OccurredOn: c.OccurredOn, ID: c.ID, Offset: c.Offset})
	sealed := s.Signer.Seal(cursorPurpose, b, strconv.FormatInt(u.ID, 10))
	return &sealed
}

// decodeCursor opens a cursor encodeCursor sealed for u; ok is false for
// any other.
func (s *Handler) decodeCursor(u *journal.User, sealed string) (c *core.EntryCursor, ok bool) {
	if sealed == "" {
		return nil, true
	}
	b, ok := s.Signer.Open(sealed, cursorPurpose, strconv.FormatInt(u.ID, 10))
	var ac apiCursor
	if !ok || json.Unmarshal(b, &ac) != nil || ac.Offset < 0 || ac.ID < 0 {
		return nil, false
	}
	return &core.EntryCursor{OccurredOn: ac.OccurredOn, ID: ac.ID, Offset: ac.Offset}, true
}

// HandleAPIEntries lists entries newest first with the page's filters
// (boss_id is a boss's public id) and a cursor instead of page numbers.
func (s *Handler) HandleAPIEntries(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := httpx.UserFrom(ctx)
	q := r.URL.Query()
	f := journal.EntryFilter{Query: q.Get("q"), Language: s.RequestLanguage(r), Practice: q.Get("practice"), From: q.Get("from"), To: q.Get("to")}
	problems := journal.Problems{}
	if err := f.Validate(); err != nil {
		for k, v := range journal.FieldErrors(err) {
			problems.Add(k, v)
		}
	}
	limit := apiDefaultLimit
	if raw := q.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > apiMaxLimit {
			problems.Add("limit", "Use a number from 1 to 100.")
		}
		limit = n
	}
	after, ok := s.decodeCursor(u, q.Get("cursor"))
	if !ok {
		problems.Add("cursor", "Use the next value of the page before, unchanged.")
	}
	entries, next, err := s.core.FindEntries(ctx, u.ID, q.Get("boss_id"), f, after, limit, problems)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(problems) > 0 {
		httpx.WriteAPIError(w, http.StatusBadRequest, "bad_request", "Some query parameters are not valid.", httpx.WireNames(apiFields, problems))
		return
	}
	out := EntryList{Entries: make([]export.Entry, 0, len(entries)), Next: s.encodeCursor(u, next)}
	for _, e := range entries {
		out.Entries = append(out.Entries, export.EntryOf(e))
	}
	httpx.WriteAPI(w, http.StatusOK, out)
}

// apiEntryID reads the {id} path parameter, a public id, as a row id.
func (s *Handler) apiEntryID(r *http.Request) (int64, error) {
	return s.core.EntryIDByPublicID(r.Context(), httpx.UserFrom(r.Context()).ID, chi.URLParam(r, "id"))
}

// apiTarget finds the row id of the record a JSON request is about, with
// find (such as apiEntryID), then reads the body. ok is false when the
// answer (404, 400, 413, 415) has been written.
func apiTarget[B any](s *Handler, w http.ResponseWriter, r *http.Request, find func(*http.Request) (int64, error)) (id int64, body B, ok bool) {
	id, err := find(r)
	if err != nil {
		s.fail(w, r, err)
		return 0, body, false
	}
	return id, body, readJSON(w, r, &body)
}

func (s *Handler) HandleAPIEntry(w http.ResponseWriter, r *http.Request) {
	e, err := s.core.EntryByPublicID(r.Context(), httpx.UserFrom(r.Context()).ID, chi.URLParam(r, "id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	httpx.WriteAPI(w, http.StatusOK, export.EntryOf(e))
}

// writeAPIEntry answers the entry with row id; a create's answer names it
// in Location.
func (s *Handler) writeAPIEntry(w http.ResponseWriter, r *http.Request, status int, id int64) {
	e, err := s.core.Entry(r.Context(), httpx.UserFrom(r.Context()).ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if r.Method == http.MethodPost {
		w.Header().Set("Location", s.Cfg.BasePath+"/api/v1/entries/"+e.PublicID)
	}
	httpx.WriteAPI(w, status, export.EntryOf(e))
}

// HandleAPIEntryCreate adds an entry. A retry with the same
// Idempotency-Key answers the entry the first request made (see
// idempotencyKey).
func (s *Handler) HandleAPIEntryCreate(w http.ResponseWriter, r *http.Request) {
	key, body, ok := readCreate[apiEntryBody](w, r)
	if !ok {
		return
	}
	u := httpx.UserFrom(r.Context())
	in := journal.EntryInput{OccurredOn: s.Today(u), Kind: "one_on_one"}
	if err := s.apiEntryInput(r.Context(), u, body, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	id, replay, err := s.core.CreateEntry(r.Context(), u.ID, key, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeAPIEntry(w, r, createdStatus(replay), id)
}

// HandleAPIEntryUpdate changes the fields the body names and keeps the rest.
func (s *Handler) HandleAPIEntryUpdate(w http.ResponseWriter, r *http.Request) {
	id, body, ok := apiTarget[apiEntryBody](s, w, r, s.apiEntryID)
	if !ok {
		return
	}
	ctx := r.Context()
	u := httpx.UserFrom(ctx)
	e, err := s.core.Entry(ctx, u.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in := journal.EntryInput{BossID: e.BossID, OccurredOn: e.OccurredOn, Kind: e.Kind, Summary: e.Summary,
		Notes: e.Notes, Practices: e.Practices, PriorityID: e.PriorityID}
	if err := s.apiEntryInput(ctx, u, body, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.core.UpdateEntry(ctx, u.ID, id, in); err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeAPIEntry(w, r, http.StatusOK, id)
}

func (s *Handler) HandleAPIEntryDelete(w http.ResponseWriter, r *http.Request) {
	id, err := s.apiEntryID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.core.DeleteEntry(r.Context(), httpx.UserFrom(r.Context()).ID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// apiEntryInput lays the body over in, turns public ids into row ids and
// validates the result, reporting every problem at once.
func (s *Handler) apiEntryInput(ctx context.Context, u *journal.User, b apiEntryBody, in *journal.EntryInput) error {
	problems := journal.Problems{}
	ids := core.EntryLinks{BossID: b.BossID}
	if b.PriorityID.Set {
		ids.PriorityID = &b.PriorityID.Value
	}
	if err := s.core.ResolveIDs(ctx, u.ID, ids, in, problems); err != nil {
		return err
	}
	Set(&in.NewBossName, b.NewBossName)
	Set(&in.OccurredOn, b.OccurredOn)
	Set(&in.Kind, b.Kind)
	Set(&in.Summary, b.Summary)
	Set(&in.Notes, b.Notes)
	if b.Practices != nil {
		in.Practices = *b.Practices
	}
	for k, v := range journal.FieldErrors(in.Validate(s.Today(u))) {
		problems.Add(k, v)
	}
	return problems.Err()
}

func Set(dst *string, v *string) {
	if v != nil {
		*dst = *v
	}
}
