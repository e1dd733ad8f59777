package server

import (
	"context"
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// handleEntryOutcome records how the bet an entry placed turned out.
func (s *Server) handleEntryOutcome(w http.ResponseWriter, r *http.Request) {
	s.recordBlockResult(w, r, blockResult{
		has:    func(e *journal.Entry) bool { return e.Bet != nil },
		fields: []string{"outcome", "lesson", "reviewed_on"},
		record: func(ctx context.Context, r *http.Request, userID int64, e *journal.Entry, today string) error {
			in := journal.OutcomeInput{Outcome: r.PostFormValue("outcome"), Lesson: r.PostFormValue("lesson"), ReviewedOn: r.PostFormValue("reviewed_on")}
			if err := in.Validate(e.OccurredOn, today); err != nil {
				return err
			}
			return s.core.RecordOutcome(ctx, userID, e.ID, in)
		},
		form:  func(b *web.BlockForms) *web.Form { return &b.Outcome },
		saved: "Outcome saved.",
	})
}
