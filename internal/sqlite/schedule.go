package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/leadup/leadup/internal/journal"
)

var errScheduleNotFound = journal.Errorf(journal.ENOTFOUND, "That boss has no 1:1 schedule.")

const scheduleColumns = `s.id, s.public_id, s.user_id, s.boss_id, b.public_id, b.name, s.weekdays, s.time, s.duration_min,
	s.every_weeks, s.starts_on, s.remind`

const scheduleJoins = ` JOIN bosses b ON b.id = s.boss_id`

// SaveSchedule sets the 1:1 schedule of one of the user's bosses, replacing
// the one it had, and works out when its next reminder is due.
func (db *DB) SaveSchedule(ctx context.Context, userID, bossID int64, s journal.Schedule) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, "SELECT 1 FROM bosses WHERE user_id = ? AND id = ?", userID, bossID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return errBossNotFound
		}
		if err != nil {
			return fmt.Errorf("find boss: %w", err)
		}
		if s.PublicID == "" {
			s.PublicID = uuid.NewString()
		}
		return db.upsertSchedule(ctx, tx, userID, bossID, s)
	})
}

// upsertSchedule writes a schedule; an existing one keeps its public id.
func (db *DB) upsertSchedule(ctx context.Context, tx *sql.Tx, userID, bossID int64, s journal.Schedule) error {
	loc, err := userZone(ctx, tx, userID)
	if err != nil {
		return err
	}
	s.UserID, s.BossID = userID, bossID
	if s.Remind {
		var was bool
		err := tx.QueryRowContext(ctx, "SELECT remind FROM schedules WHERE user_id = ? AND boss_id = ?", userID, bossID).Scan(&was)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("find schedule: %w", err)
		}
		if !was {
			if err := bumpReminderEpoch(ctx, tx, userID); err != nil {
				return err
			}
		}
	}
	now := db.Now()
	_, err = tx.ExecContext(ctx,
		`INSERT INTO schedules (public_id, user_id, boss_id, weekdays, time, duration_min, every_weeks, starts_on, remind, next_due_at, created_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (user_id, boss_id) DO UPDATE SET weekdays = excluded.weekdays, time = excluded.time,
		   duration_min = excluded.duration_min, every_weeks = excluded.every_weeks, starts_on = excluded.starts_on,
		   remind = excluded.remind, next_due_at = excluded.next_due_at, updated_at = excluded.updated_at`,
		s.PublicID, userID, bossID, joinWeekdays(s.Weekdays), s.Time, s.DurationMin, s.EveryWeeks, s.StartsOn, s.Remind,
		scheduleNextDue(&s, loc, now), formatTime(now), formatTime(now))
	if err != nil {
		return fmt.Errorf("save schedule: %w", err)
	}
	return nil
}

// scheduleNextDue is the next_due_at of a schedule: the end of its next
// meeting, or NULL when it does not remind.
func scheduleNextDue(s *journal.Schedule, loc *time.Location, now time.Time) any {
	if !s.Remind {
		return nil
	}
	// Anything that ended within the grace window is still due.
	end, ok := s.NextMeetingEnd(now.Add(-journal.CatchUpGrace), loc)
	if !ok {
		return nil
	}
	return end.Unix()
}

// FindSchedule returns the 1:1 schedule of one of the user's bosses.
func (db *DB) FindSchedule(ctx context.Context, userID, bossID int64) (*journal.Schedule, error) {
	row := db.reader().QueryRowContext(ctx, "SELECT "+scheduleColumns+" FROM schedules s"+scheduleJoins+" WHERE s.user_id = ? AND s.boss_id = ?", userID, bossID)
	return scanSchedule(row)
}

// FindSchedules returns every 1:1 schedule of the user, by boss name.
func (db *DB) FindSchedules(ctx context.Context, userID int64) ([]*journal.Schedule, error) {
	return findSchedules(ctx, db.reader(), userID)
}

func findSchedules(ctx context.Context, q queryer, userID int64) ([]*journal.Schedule, error) {
	return queryAll(ctx, q, "find schedules", scanSchedule,
		"SELECT "+scheduleColumns+" FROM schedules s"+scheduleJoins+" WHERE s.user_id = ? ORDER BY b.name, s.id", userID)
}

func scanSchedule(row scanner) (*journal.Schedule, error) {
	var s journal.Schedule
	var days string
	err := scanOne(row, errScheduleNotFound, "schedule",
		&s.ID, &s.PublicID, &s.UserID, &s.BossID, &s.BossPublicID, &s.BossName, &days, &s.Time, &s.DurationMin,
		&s.EveryWeeks, &s.StartsOn, &s.Remind)
	if err != nil {
		return nil, err
	}
	if s.Weekdays, err = splitWeekdays(days); err != nil {
		return nil, err
	}
	return &s, nil
}

func splitWeekdays(days string) ([]int, error) {
	var out []int
	for _, d := range strings.Split(days, ",") {
		n, err := strconv.Atoi(d)
		if err != nil {
			return nil, fmt.Errorf("schedule weekdays %q: %w", days, err)
		}
		out = append(out, n)
	}
	return out, nil
}

func joinWeekdays(days []int) string {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[i] = strconv.Itoa(d)
	}
	return strings.Join(parts, ",")
}

// userZone reads the user's time zone inside a transaction.
func userZone(ctx context.Context, q rowQueryer, userID int64) (*time.Location, error) {
	var name string
	err := q.QueryRowContext(ctx, "SELECT timezone FROM users WHERE id = ?", userID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, journal.Errorf(journal.ENOTFOUND, "No such account.")
	}
	if err != nil {
		return nil, fmt.Errorf("user zone: %w", err)
	}
	return (&journal.User{TimeZone: name}).Location(), nil
}

// rowQueryer is a *sql.DB or *sql.Tx, for helpers that read one row.
type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// FindScheduleByPublicID returns one of the user's schedules by public id.
func (db *DB) FindScheduleByPublicID(ctx context.Context, userID int64, publicID string) (*journal.Schedule, error) {
	row := db.reader().QueryRowContext(ctx, "SELECT "+scheduleColumns+" FROM schedules s"+scheduleJoins+" WHERE s.user_id = ? AND s.public_id = ?", userID, publicID)
	return scanSchedule(row)
}
