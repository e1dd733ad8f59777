package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// ClaimSignupMail decides, in one transaction, what an open sign-up for
// p.Email mails: nothing when the address had a sign-up mail in the last
// journal.SignupMailGap or journal.SignupMailsPerDay in the last day; else
// a note to the account's owner when the address has one; else a link, and
// then p is kept as the address's one live sign-up (any older link is
// retired). The caller sends the mail after the commit, never inside it.
//
// Every path does the same writes: it notes the request in the mail log
// and inserts one pending sign-up and deletes one (a decoy when nothing is
// kept), so neither the answer's timing nor the database's work tells a
// new address from a known one, or a mail sent from one held back.
func (db *DB) ClaimSignupMail(ctx context.Context, p journal.PendingSignup) (journal.SignupMail, error) {
	now := db.Now()
	email := journal.NormalizeEmail(p.Email)
	var m journal.SignupMail
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := dropStaleSignups(ctx, tx, now); err != nil {
			return err
		}
		owner, err := scanUser(tx.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE email = ?", email))
		switch journal.ErrorCode(err) {
		case journal.ENOTFOUND:
		case "":
			m.Owner = owner
		default:
			return err
		}
		if m.Send, err = signupMailAllowed(ctx, tx, email, now); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO signup_mails (email, sent, at) VALUES (?, ?, ?)", email, m.Send, now.Unix())
		if err != nil {
			return fmt.Errorf("note sign-up mail: %w", err)
		}
		if m.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("note sign-up mail: %w", err)
		}
		return writePendingSignup(ctx, tx, p, email, now, m.Send && m.Owner == nil)
	})
	if err != nil {
		return journal.SignupMail{}, err
	}
	return m, nil
}

// dropStaleSignups drops expired sign-ups and mail-log rows older than a day.
func dropStaleSignups(ctx context.Context, tx *sql.Tx, now time.Time) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM pending_signups WHERE expires_at <= ?", now.Unix()); err != nil {
		return fmt.Errorf("drop expired sign-ups: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM signup_mails WHERE at <= ?", now.Add(-24*time.Hour).Unix()); err != nil {
		return fmt.Errorf("drop old sign-up mail log: %w", err)
	}
	return nil
}

// signupMailAllowed reports whether email may get a sign-up mail now.
func signupMailAllowed(ctx context.Context, tx *sql.Tx, email string, now time.Time) (bool, error) {
	var sent int
	var last int64
	err := tx.QueryRowContext(ctx,
		"SELECT count(*), coalesce(max(at), 0) FROM signup_mails WHERE email = ? AND sent = 1 AND at > ?",
		email, now.Add(-24*time.Hour).Unix()).Scan(&sent, &last)
	if err != nil {
		return false, fmt.Errorf("count sign-up mails: %w", err)
	}
	return sent < journal.SignupMailsPerDay && now.Sub(time.Unix(last, 0)) >= journal.SignupMailGap, nil
}

// writePendingSignup keeps p as the address's one live sign-up, retiring
// any older one; or, when not keep, writes p and takes it back at once.
func writePendingSignup(ctx context.Context, tx *sql.Tx, p journal.PendingSignup, email string, now time.Time, keep bool) error {
	if keep {
		if _, err := tx.ExecContext(ctx, "DELETE FROM pending_signups WHERE email = ?", email); err != nil {
			return fmt.Errorf("retire older sign-up link: %w", err)
		}
	}
	_, err := tx.ExecContext(ctx,
		`INSERT INTO pending_signups (token_hash, email, display_name, timezone, language, created_at, expires_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`,
		p.TokenHash, email, p.DisplayName, p.TimeZone, p.Language, formatTime(now), p.ExpiresAt.Unix())
	if err != nil {
		return fmt.Errorf("insert pending sign-up: %w", err)
	}
	if !keep {
		if _, err := tx.ExecContext(ctx, "DELETE FROM pending_signups WHERE token_hash = ?", p.TokenHash); err != nil {
			return fmt.Errorf("take back decoy sign-up: %w", err)
		}
	}
	return nil
}

// ReleaseSignupMail undoes ClaimSignupMail for a mail the relay did not
// take: the address may be mailed again at once, and the link that was
// never delivered is dropped.
func (db *DB) ReleaseSignupMail(ctx context.Context, m journal.SignupMail, tokenHash []byte) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM signup_mails WHERE rowid = ?", m.ID); err != nil {
			return fmt.Errorf("release sign-up mail: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM pending_signups WHERE token_hash = ?", tokenHash); err != nil {
			return fmt.Errorf("drop undelivered sign-up: %w", err)
		}
		return nil
	})
}

// FindPendingSignup returns the sign-up whose link token hashes to
// tokenHash, expired or not; ENOTFOUND when there is none.
func (db *DB) FindPendingSignup(ctx context.Context, tokenHash []byte) (*journal.PendingSignup, error) {
	return scanPendingSignup(db.reader().QueryRowContext(ctx,
		"SELECT "+pendingSignupColumns+" FROM pending_signups WHERE token_hash = ?", tokenHash))
}

// TakePendingSignup deletes the sign-up whose link token hashes to
// tokenHash and returns it, so a link works once even when two requests
// race; ENOTFOUND when it was taken already or never existed.
func (db *DB) TakePendingSignup(ctx context.Context, tokenHash []byte) (*journal.PendingSignup, error) {
	var p *journal.PendingSignup
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = scanPendingSignup(tx.QueryRowContext(ctx,
			"DELETE FROM pending_signups WHERE token_hash = ? RETURNING "+pendingSignupColumns, tokenHash))
		return err
	})
	return p, err
}

const pendingSignupColumns = "token_hash, email, display_name, timezone, language, expires_at"

func scanPendingSignup(row *sql.Row) (*journal.PendingSignup, error) {
	var p journal.PendingSignup
	var expires int64
	err := row.Scan(&p.TokenHash, &p.Email, &p.DisplayName, &p.TimeZone, &p.Language, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, journal.Errorf(journal.ENOTFOUND, "This sign-up link was used already or never existed.")
	}
	if err != nil {
		return nil, fmt.Errorf("scan pending sign-up: %w", err)
	}
	p.ExpiresAt = time.Unix(expires, 0).UTC()
	return &p, nil
}
