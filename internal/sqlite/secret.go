package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
)

// loadSecret reads the installation's server secret, creating it on first
// start. INSERT OR IGNORE keeps the first one when two processes race.
func loadSecret(ctx context.Context, db *sql.DB) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("server secret: %w", err)
	}
	if _, err := db.ExecContext(ctx, `INSERT OR IGNORE INTO server_secret (id, secret) VALUES (1, ?)`, fresh); err != nil {
		return nil, fmt.Errorf("server secret: %w", err)
	}
	var secret []byte
	if err := db.QueryRowContext(ctx, `SELECT secret FROM server_secret WHERE id = 1`).Scan(&secret); err != nil {
		return nil, fmt.Errorf("server secret: %w", err)
	}
	return secret, nil
}

// Secret returns the installation's 32-byte server secret (see DESIGN):
// the key of every HMAC leadup hands out.
func (db *DB) Secret() []byte { return db.secret }
