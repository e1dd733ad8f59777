-- +goose Up
-- A boss's recurring 1:1. next_due_at (unix seconds) is when its next
-- reminder falls due, NULL when reminders are off: the pass reads only rows
-- whose time has come, through the partial index, so an idle pass costs the
-- same with ten users or ten thousand.
CREATE TABLE schedules (
    id           INTEGER PRIMARY KEY,
    public_id    TEXT    NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    boss_id      INTEGER NOT NULL REFERENCES bosses (id) ON DELETE CASCADE,
    weekdays     TEXT    NOT NULL,
    time         TEXT    NOT NULL,
    duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 480),
    every_weeks  INTEGER NOT NULL CHECK (every_weeks IN (1, 2)),
    starts_on    TEXT    NOT NULL,
    remind       INTEGER NOT NULL CHECK (remind IN (0, 1)),
    next_due_at  INTEGER,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    UNIQUE (user_id, boss_id),
    UNIQUE (user_id, public_id)
) STRICT;
CREATE INDEX schedules_due_idx ON schedules (next_due_at) WHERE next_due_at IS NOT NULL;

-- One row per user who saved the notification form; weekly_next_at and
-- digest_next_at work like schedules.next_due_at.
CREATE TABLE notification_settings (
    user_id          INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    weekly_review    INTEGER NOT NULL CHECK (weekly_review IN (0, 1)),
    weekly_day       INTEGER NOT NULL CHECK (weekly_day BETWEEN 1 AND 7),
    weekly_time      TEXT    NOT NULL,
    followups_digest INTEGER NOT NULL CHECK (followups_digest IN (0, 1)),
    digest_time      TEXT    NOT NULL,
    weekly_next_at   INTEGER,
    digest_next_at   INTEGER,
    updated_at       TEXT    NOT NULL
) STRICT;
CREATE INDEX notification_weekly_due_idx ON notification_settings (weekly_next_at) WHERE weekly_next_at IS NOT NULL;
CREATE INDEX notification_digest_due_idx ON notification_settings (digest_next_at) WHERE digest_next_at IS NOT NULL;

-- Each reminder is claimed here before it is sent, keyed by what it is for,
-- so that two passes, two processes or a restart never send it twice.
-- retry_at is when it may be tried again: the end of the lease while
-- 'sending', the backoff while 'failed'; NULL once settled.
CREATE TABLE reminder_claims (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('after_meeting', 'weekly_review', 'followups_digest')),
    period     TEXT    NOT NULL,
    fire_at    INTEGER NOT NULL,
    state      TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'skipped')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT    NOT NULL DEFAULT '',
    message_id TEXT    NOT NULL,
    retry_at   INTEGER,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind, period)
) STRICT, WITHOUT ROWID;
CREATE INDEX reminder_claims_retry_idx ON reminder_claims (retry_at) WHERE retry_at IS NOT NULL;
CREATE INDEX reminder_claims_user_failed_idx ON reminder_claims (user_id, updated_at) WHERE state = 'failed';

-- The secret calendar feed: only the SHA-256 of its token is kept.
CREATE TABLE calendar_feeds (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash BLOB    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL
) STRICT;

-- +goose Down
DROP TABLE calendar_feeds;
DROP TABLE reminder_claims;
DROP TABLE notification_settings;
DROP TABLE schedules;
