package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

// HandleBlockClose handles the form that records what became of an
// entry's block of kind k — the decision on its problem, the outcome of
// its bet, the result of its forecast. Another user's entry, or one
// without the block, is a 404; bad input re-renders the entry page with
// the form as typed; success answers 303 to the entry.
func (s *Handler) HandleBlockClose(k journal.BlockKind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		e, ok := httpx.PostTarget(s.Base, w, r, func(r *http.Request) (*journal.Entry, error) {
			e, err := s.userEntry(r)
			if err != nil {
				return nil, err
			}
			if fields, _ := k.Fields(e); fields == nil {
				return nil, httpx.ErrNotFound
			}
			return e, nil
		})
		if !ok {
			return
		}
		u := httpx.UserFrom(r.Context())
		today := s.Today(u)
		p := parseBlockClosePost(r, k)
		in := p.input()
		err := in.Validate(e.OccurredOn, today)
		if err == nil {
			err = s.core.CloseBlock(r.Context(), u.ID, e.ID, k, in)
		}
		if journal.ErrorCode(err) == journal.EINVALID {
			blocks := blockForms(e, today)
			blocks[k.Key] = httpx.RefusedForm(p.values(), err)
			s.renderEntryWith(w, r, http.StatusUnprocessableEntity, e, newFollowUpForm(), blocks)
			return
		}
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		s.RedirectWithFlash(w, r, entryURL(e.ID), k.Saved)
	}
}
