package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// maxForecastsDue bounds the forecasts listed as due on a page.
const maxForecastsDue = 50

// FindDueForecasts returns the user's open forecasts whose expected date is
// on or before date, soonest first; bossID 0 means every boss.
func (db *DB) FindDueForecasts(ctx context.Context, userID, bossID int64, date string, limit int) ([]*journal.Forecast, error) {
	return openForecasts(ctx, db.reader(), userID, bossID, date, limit)
}

// FindOpenForecasts returns every open forecast of the user, soonest
// expected first; bossID 0 means every boss.
func (db *DB) FindOpenForecasts(ctx context.Context, userID, bossID int64, limit int) ([]*journal.Forecast, error) {
	return openForecasts(ctx, db.reader(), userID, bossID, "", limit)
}

// openForecasts lists open forecasts expected on or before date, or all of
// them when date is "".
func openForecasts(ctx context.Context, q queryer, userID, bossID int64, date string, limit int) ([]*journal.Forecast, error) {
	query, args := openForecastsQuery(userID, bossID, date, limit)
	return queryBlocks(ctx, q, journal.ForecastBlock, func(e *journal.Entry) *journal.Forecast { return e.Forecast }, query, args...)
}

// openForecastsQuery is the query of openForecasts, and of its plan test.
func openForecastsQuery(userID, bossID int64, date string, limit int) (string, []any) {
	where, args := "t.user_id = ? AND t.result IS NULL", []any{userID}
	if date != "" {
		where += " AND t.expected_by <= ?"
		args = append(args, date)
	}
	cond, args := bossCond("t.boss_id", bossID, args)
	return blockSelect(journal.ForecastBlock, where+cond) + " ORDER BY t.expected_by, t.entry_id LIMIT ?", append(args, limit)
}

// The week page's forecast queries, named so that the plan test reads them.
const (
	qForecastsRaised   = `SELECT noticed_on, occurred_on, expected_by, coalesce(result, ''), coalesce(resolved_on, '') FROM forecasts WHERE user_id = ? AND occurred_on BETWEEN ? AND ?`
	qForecastsDue      = `SELECT count(*) FROM forecasts WHERE user_id = ? AND result IS NULL AND expected_by <= ?`
	qForecastsResolved = `SELECT result, count(*) FROM forecasts WHERE user_id = ? AND resolved_on BETWEEN ? AND ? GROUP BY result`
	// The same as qForecastsRaised, kept to one boss, for the review composer.
	qForecastsRaisedBoss = `SELECT noticed_on, occurred_on, expected_by, coalesce(result, ''), coalesce(resolved_on, '') FROM forecasts WHERE user_id = ? AND occurred_on BETWEEN ? AND ? AND boss_id = ?`
)

// weekForecasts counts the week's forecasts, lists those due and measures
// the ones raised in it.
func weekForecasts(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, today string) error {
	w, fs := s.Week, &s.Forecasts
	due := journal.DueDate(w, today)
	dates, err := raisedForecasts(ctx, tx, userID, 0, w.Start, w.End)
	if err != nil {
		return err
	}
	fs.Raised, fs.NoSurprises = len(dates), journal.NoSurprisesOf(dates)
	if err := tx.QueryRowContext(ctx, qForecastsDue, userID, due).Scan(&fs.Due); err != nil {
		return fmt.Errorf("forecasts due: %w", err)
	}
	if err := eachCount(ctx, tx, "forecasts resolved", fs.AddResult, qForecastsResolved, userID, w.Start, w.End); err != nil {
		return err
	}
	s.ForecastsDue, err = openForecasts(ctx, tx, userID, 0, due, maxForecastsDue)
	return err
}

// ForecastNoSurprises measures the forecasts the user raised between two
// dates, both included, with one boss or every boss (bossID 0): the median
// warning given and the median time to raise. The review composer shows it.
func (db *DB) ForecastNoSurprises(ctx context.Context, userID, bossID int64, from, to string) (journal.NoSurprises, error) {
	dates, err := raisedForecasts(ctx, db.reader(), userID, bossID, from, to)
	if err != nil {
		return journal.NoSurprises{}, err
	}
	return journal.NoSurprisesOf(dates), nil
}

// raisedForecasts reads the dates of the forecasts raised between two
// dates, with one boss or every boss (bossID 0).
func raisedForecasts(ctx context.Context, q queryer, userID, bossID int64, from, to string) ([]journal.ForecastDates, error) {
	query, args := qForecastsRaised, []any{userID, from, to}
	if bossID > 0 {
		query, args = qForecastsRaisedBoss, append(args, bossID)
	}
	return queryAll(ctx, q, "forecasts raised", func(row scanner) (journal.ForecastDates, error) {
		var d journal.ForecastDates
		if err := row.Scan(&d.NoticedOn, &d.RaisedOn, &d.ExpectedBy, &d.Result, &d.ResolvedOn); err != nil {
			return d, fmt.Errorf("scan forecast dates: %w", err)
		}
		return d, nil
	}, query, args...)
}
