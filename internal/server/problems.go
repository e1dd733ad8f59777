package server

import (
	"context"
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// handleEntryDecision records what became of the problem an entry raised.
func (s *Server) handleEntryDecision(w http.ResponseWriter, r *http.Request) {
	s.recordBlockResult(w, r, blockResult{
		has:    func(e *journal.Entry) bool { return e.Problem != nil },
		fields: []string{"decision", "decided_on", "note"},
		record: func(ctx context.Context, r *http.Request, userID int64, e *journal.Entry, today string) error {
			in := journal.DecisionInput{Decision: r.PostFormValue("decision"), DecidedOn: r.PostFormValue("decided_on"), Note: r.PostFormValue("note")}
			if err := in.Validate(e.OccurredOn, today); err != nil {
				return err
			}
			return s.core.RecordDecision(ctx, userID, e.ID, in)
		},
		form:  func(b *web.BlockForms) *web.Form { return &b.Decision },
		saved: "Decision saved.",
	})
}
