package server

import (
	"context"

	"github.com/leadup/leadup/internal/export"
)

// addReminders gives a JSON export the user's schedules and reminder
// settings, which it writes after the entries.
func (s *Server) addReminders(ctx context.Context, userID int64, jw *export.JSONWriter) error {
	schedules, err := s.db.FindSchedules(ctx, userID)
	if err != nil {
		return err
	}
	n, saved, err := s.db.FindSavedNotificationSettings(ctx, userID)
	if err != nil {
		return err
	}
	if !saved {
		jw.SetReminders(schedules, nil)
		return nil
	}
	jw.SetReminders(schedules, &n)
	return nil
}
