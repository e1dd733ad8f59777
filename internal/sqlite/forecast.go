package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

var errForecastNotFound = journal.Errorf(journal.ENOTFOUND, "That entry raised no forecast.")

// maxForecastsDue bounds the forecasts listed as due on a page.
const maxForecastsDue = 50

// forecastColumns reads a forecast with its entry's summary and boss name,
// from forecasts f joined to entries e and bosses b.
const forecastColumns = `f.entry_id, f.forecast, f.expected_by, f.likelihood, f.impact, f.prepared, f.noticed_on,
	coalesce(f.result, ''), coalesce(f.resolved_on, ''), f.occurred_on, e.summary, f.boss_id, b.name`

const forecastJoins = ` JOIN entries e ON e.id = f.entry_id JOIN bosses b ON b.id = f.boss_id`

// writeForecast stores the forecast block of an entry (nil leaves the
// stored one alone, an empty block removes it, anything else replaces the
// forecast and keeps any resolution), then checks that the entry's date
// still sits between noticed_on and expected_by and not after the
// resolution: an entry moved later must not leave the forecast impossible.
func writeForecast(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, occurredOn string, in *journal.ForecastInput) error {
	switch {
	case in == nil:
	case in.Empty():
		if err := deleteBlock(ctx, tx, forecastsTable, userID, entryID); err != nil {
			return err
		}
	default:
		_, err := tx.ExecContext(ctx,
			`INSERT INTO forecasts (entry_id, user_id, boss_id, occurred_on, forecast, expected_by, likelihood, impact, prepared, noticed_on)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (entry_id) DO UPDATE SET forecast = excluded.forecast, expected_by = excluded.expected_by,
			   likelihood = excluded.likelihood, impact = excluded.impact, prepared = excluded.prepared, noticed_on = excluded.noticed_on`,
			entryID, userID, bossID, occurredOn, in.Forecast, in.ExpectedBy, in.Likelihood, in.Impact, in.Prepared, in.NoticedOn)
		if err != nil {
			return fmt.Errorf("write forecast: %w", err)
		}
	}
	var n int
	err := tx.QueryRowContext(ctx,
		`SELECT count(*) FROM forecasts WHERE user_id = ?1 AND entry_id = ?2
		   AND (expected_by < ?3 OR noticed_on > ?3 OR resolved_on < ?3)`,
		userID, entryID, occurredOn).Scan(&n)
	if err != nil {
		return fmt.Errorf("check forecast dates: %w", err)
	}
	if n > 0 {
		return fieldError("occurred_on", "This entry's forecast was noticed after, expected before or closed before this day. Change those first.")
	}
	return nil
}

// RecordResolution records what became of the forecast raised in one of
// the user's entries.
func (db *DB) RecordResolution(ctx context.Context, userID, entryID int64, in journal.ResolutionInput) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			"UPDATE forecasts SET result = ?, resolved_on = ? WHERE user_id = ? AND entry_id = ?",
			in.Result, in.ResolvedOn, userID, entryID)
		return notFoundAs(checkOneRow(res, err, "record resolution"), errForecastNotFound)
	})
}

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
	return queryForecasts(ctx, q, query, args...)
}

// openForecastsQuery is the query of openForecasts, and of its plan test.
func openForecastsQuery(userID, bossID int64, date string, limit int) (string, []any) {
	where, args := "f.user_id = ? AND f.result IS NULL", []any{userID}
	if date != "" {
		where += " AND f.expected_by <= ?"
		args = append(args, date)
	}
	cond, args := bossCond("f.boss_id", bossID, args)
	return "SELECT " + forecastColumns + " FROM forecasts f" + forecastJoins +
		" WHERE " + where + cond + " ORDER BY f.expected_by, f.entry_id LIMIT ?", append(args, limit)
}

func queryForecasts(ctx context.Context, q queryer, query string, args ...any) ([]*journal.Forecast, error) {
	return queryAll(ctx, q, "find forecasts", scanForecast, query, args...)
}

func scanForecast(row scanner) (*journal.Forecast, error) {
	var f journal.Forecast
	err := row.Scan(&f.EntryID, &f.Forecast, &f.ExpectedBy, &f.Likelihood, &f.Impact, &f.Prepared, &f.NoticedOn,
		&f.Result, &f.ResolvedOn, &f.OccurredOn, &f.EntrySummary, &f.BossID, &f.BossName)
	if err != nil {
		return nil, fmt.Errorf("scan forecast: %w", err)
	}
	return &f, nil
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

// sameForecast reports whether an imported forecast matches the stored one;
// a file without it (an older export) leaves the stored one alone.
func sameForecast(cur, in *journal.Forecast) bool {
	if in == nil {
		return true
	}
	return cur != nil && cur.Forecast == in.Forecast && cur.ExpectedBy == in.ExpectedBy && cur.Likelihood == in.Likelihood &&
		cur.Impact == in.Impact && cur.Prepared == in.Prepared && cur.NoticedOn == in.NoticedOn &&
		cur.Result == in.Result && cur.ResolvedOn == in.ResolvedOn
}

// importForecast writes an imported entry's forecast whole, with any
// resolution.
func importForecast(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, e *journal.Entry) error {
	f := e.Forecast
	if f == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx,
		`INSERT INTO forecasts (entry_id, user_id, boss_id, occurred_on, forecast, expected_by, likelihood, impact, prepared, noticed_on, result, resolved_on)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (entry_id) DO UPDATE SET forecast = excluded.forecast, expected_by = excluded.expected_by,
		   likelihood = excluded.likelihood, impact = excluded.impact, prepared = excluded.prepared,
		   noticed_on = excluded.noticed_on, result = excluded.result, resolved_on = excluded.resolved_on`,
		entryID, userID, bossID, e.OccurredOn, f.Forecast, f.ExpectedBy, f.Likelihood, f.Impact, f.Prepared, f.NoticedOn,
		nullString(f.Result), nullString(f.ResolvedOn))
	if err != nil {
		return fmt.Errorf("import forecast: %w", err)
	}
	return nil
}
