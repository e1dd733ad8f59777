-- +goose Up
-- One row: which server takes the scheduled backups (a lease it renews, so
-- that two servers on one file never both back up), and how the last
-- backup went, for `leadup backup-status` and the metrics after a restart.
-- Times are UTC in the store's layout; '' is never.
CREATE TABLE backup_state (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    lease_holder         TEXT    NOT NULL DEFAULT '',
    lease_until          TEXT    NOT NULL DEFAULT '',
    last_success_at      TEXT    NOT NULL DEFAULT '',
    last_success_file    TEXT    NOT NULL DEFAULT '',
    last_success_bytes   INTEGER NOT NULL DEFAULT 0,
    last_success_seconds REAL    NOT NULL DEFAULT 0,
    last_failure_at      TEXT    NOT NULL DEFAULT '',
    last_failure         TEXT    NOT NULL DEFAULT ''
) STRICT;
INSERT INTO backup_state (id) VALUES (1);

-- +goose Down
DROP TABLE backup_state;
