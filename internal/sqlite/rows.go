package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// scanner is a *sql.Row or *sql.Rows.
type scanner interface {
	Scan(dest ...any) error
}

// scanOne scans a row that may be missing: no row is notFound, any other
// failure is wrapped as a failed scan of what.
func scanOne(row scanner, notFound error, what string, dest ...any) error {
	err := row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound
	}
	if err != nil {
		return fmt.Errorf("scan %s: %w", what, err)
	}
	return nil
}

// eachRow runs a query and hands every row to fn; what names the query
// when it fails.
func eachRow(ctx context.Context, q queryer, what string, fn func(*sql.Rows) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// queryAll runs a query and scans every row with scan, in order.
func queryAll[T any](ctx context.Context, q queryer, what string, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	var out []T
	err := eachRow(ctx, q, what, func(rows *sql.Rows) error {
		v, err := scan(rows)
		if err != nil {
			return err
		}
		out = append(out, v)
		return nil
	}, query, args...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachCount runs a query of (key, count) rows and hands each pair to add.
func eachCount(ctx context.Context, q queryer, what string, add func(key string, n int), query string, args ...any) error {
	return eachRow(ctx, q, what, func(rows *sql.Rows) error {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		add(k, n)
		return nil
	}, query, args...)
}

// bossCond narrows a query to one boss when bossID is set; 0 means every
// boss.
func bossCond(col string, bossID int64, args []any) (string, []any) {
	if bossID == 0 {
		return "", args
	}
	return " AND " + col + " = ?", append(args, bossID)
}

// storedTime scans a timestamp column, stored as text by formatTime,
// straight into a time.Time.
type storedTime struct{ t *time.Time }

func (s storedTime) Scan(v any) error {
	text, err := timeText(v)
	if err != nil {
		return err
	}
	*s.t, err = parseTime(text)
	return err
}

// optionalTime scans a timestamp column that may be NULL; NULL leaves nil.
type optionalTime struct{ t **time.Time }

func (s optionalTime) Scan(v any) error {
	if v == nil {
		*s.t = nil
		return nil
	}
	var t time.Time
	if err := (storedTime{&t}).Scan(v); err != nil {
		return err
	}
	*s.t = &t
	return nil
}

func timeText(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case []byte:
		return string(v), nil
	}
	return "", fmt.Errorf("timestamp stored as %T", v)
}
