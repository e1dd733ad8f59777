package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/google/uuid"

	"github.com/leadup/leadup/internal/journal"
)

const userColumns = "id, public_id, email, password_hash, display_name, timezone, language, created_at, updated_at"

// CreateUser adds an account from a validated signup and a password hash.
// Whether the account may be made is core's question (see
// journal.SignupAdmits): it asks inside the same Update, so two racing
// sign-ups cannot both pass a first-account-only rule.
func (db *DB) CreateUser(ctx context.Context, s journal.Signup, passwordHash string) (*journal.User, error) {
	now := db.Now().UTC()
	u := &journal.User{
		PublicID:     uuid.NewString(),
		Email:        journal.NormalizeEmail(s.Email),
		PasswordHash: passwordHash,
		DisplayName:  s.DisplayName,
		TimeZone:     s.TimeZone,
		Language:     s.Language,
		CreatedAt:    now,
		UpdatedAt:    now,
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO users (public_id, email, password_hash, display_name, timezone, language, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			u.PublicID, u.Email, u.PasswordHash, u.DisplayName, u.TimeZone, u.Language, formatTime(now), formatTime(now))
		if isUniqueViolation(err) {
			return journal.ErrEmailTaken
		}
		if err != nil {
			return fmt.Errorf("insert user: %w", err)
		}
		u.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

const (
	countUsersSQL   = "SELECT count(*) FROM users"
	findUserByIDSQL = "SELECT " + userColumns + " FROM users WHERE id = ?"
)

// CountUsers returns how many accounts exist.
func (db *DB) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := db.reader().QueryRowContext(ctx, countUsersSQL).Scan(&n); err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

// FindUserByID returns the account with the given id.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*journal.User, error) {
	return scanUser(db.reader().QueryRowContext(ctx, findUserByIDSQL, id))
}

// FindUserByEmail returns the account with the given email, in any case.
func (db *DB) FindUserByEmail(ctx context.Context, email string) (*journal.User, error) {
	return scanUser(db.reader().QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE email = ?", journal.NormalizeEmail(email)))
}

// UpdateProfile changes a user's display name, time zone and language.
func (db *DB) UpdateProfile(ctx context.Context, userID int64, upd journal.ProfileUpdate) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE users SET display_name = ?, timezone = ?, language = ?, updated_at = ? WHERE id = ?",
			upd.DisplayName, upd.TimeZone, upd.Language, formatTime(db.Now()), userID)
		return checkOneRow(res, err, "update profile")
	})
}

// UpdatePassword stores a new password hash and, in the same transaction,
// ends every credential the old password stood behind (see
// endCredentials): every session except keep (nil ends them all), every
// API token and the calendar feed. Both ways of changing a password, the
// settings page and `leadup user passwd`, come through here.
func (db *DB) UpdatePassword(ctx context.Context, userID int64, passwordHash string, keep []byte) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
			passwordHash, formatTime(db.Now()), userID)
		if err := checkOneRow(res, err, "update password"); err != nil {
			return err
		}
		return db.endCredentials(ctx, tx, userID, keep)
	})
}

// endCredentials ends the user's sessions but keep, revokes their API
// tokens and deletes their calendar feed: a stolen session or token must
// not outlive the password change meant to shut its thief out. Device
// cookies need no row: they are signed over the password hash, which has
// just changed.
func (db *DB) endCredentials(ctx context.Context, tx *sql.Tx, userID int64, keep []byte) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?", userID, keep); err != nil {
		return fmt.Errorf("end other sessions: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
		formatTime(db.Now()), userID); err != nil {
		return fmt.Errorf("revoke api tokens: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM calendar_feeds WHERE user_id = ?", userID); err != nil {
		return fmt.Errorf("delete calendar feed: %w", err)
	}
	return nil
}

// RehashPassword replaces a password hash with a stronger hash of the same
// password; sessions are untouched.
func (db *DB) RehashPassword(ctx context.Context, userID int64, passwordHash string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, userID)
		return checkOneRow(res, err, "rehash password")
	})
}

// DeleteUser removes the account and, through foreign keys, every row that
// belongs to it.
func (db *DB) DeleteUser(ctx context.Context, userID int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM users WHERE id = ?", userID)
		return checkOneRow(res, err, "delete user")
	})
}

var errUserNotFound = journal.Errorf(journal.ENOTFOUND, "No such account.")

func scanUser(row *sql.Row) (*journal.User, error) {
	var u journal.User
	err := scanOne(row, errUserNotFound, "user",
		&u.ID, &u.PublicID, &u.Email, &u.PasswordHash, &u.DisplayName, &u.TimeZone, &u.Language, storedTime{&u.CreatedAt}, storedTime{&u.UpdatedAt})
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// checkOneRow turns an exec that touched no row into ENOTFOUND.
func checkOneRow(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return journal.Errorf(journal.ENOTFOUND, "Not found.")
	}
	return nil
}
