package server

import (
	"context"
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// blockResult is one of the forms that record what became of an entry's
// block: the decision on its problem, the outcome of its bet, the result
// of its forecast. They differ only in these parts.
type blockResult struct {
	has    func(*journal.Entry) bool // the entry has the block
	fields []string                  // the form's fields, kept on a 422
	// record validates the posted form against the entry and today, and
	// writes it.
	record func(ctx context.Context, r *http.Request, userID int64, e *journal.Entry, today string) error
	form   func(*web.BlockForms) *web.Form // where a 422's form goes
	saved  string                          // the notice after a save
}

// entry loads the {id} entry of the signed-in user when it has the block:
// an entry without one is not found, like another user's.
func (br blockResult) entry(s *Server) func(*http.Request) (*journal.Entry, error) {
	return func(r *http.Request) (*journal.Entry, error) {
		e, err := s.userEntry(r)
		if err == nil && !br.has(e) {
			err = errNotFound
		}
		return e, err
	}
}

// recordBlockResult handles a blockResult's POST: another user's entry, or
// one without the block, is a 404; bad input re-renders the entry page with
// the form as typed; success answers 303 to the entry.
func (s *Server) recordBlockResult(w http.ResponseWriter, r *http.Request, br blockResult) {
	e, ok := postTarget(s, w, r, br.entry(s))
	if !ok {
		return
	}
	u := userFrom(r.Context())
	today := s.today(u)
	err := br.record(r.Context(), r, u.ID, e, today)
	if journal.ErrorCode(err) == journal.EINVALID {
		blocks := blockForms(e, today)
		*br.form(&blocks) = invalidForm(r, err, br.fields...)
		s.renderEntryWith(w, r, http.StatusUnprocessableEntity, e, newFollowUpForm(), blocks)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectWithFlash(w, r, entryURL(e.ID), br.saved)
}
