-- +goose Up
-- A used create-form token (or, later, an API Idempotency-Key) and what it
-- made: a repeat of the key answers with that record and writes nothing.
-- Rows are kept at least 30 days, then swept. kind names the record's table
-- (entry, followup, boss, priority so far); it has no CHECK so that later
-- kinds need no table rebuild.
CREATE TABLE idempotency_keys (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    record_id  INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- A follow-up can be withdrawn (a soft delete: gone from pages and exports,
-- still countable) and its date moved; first_due_on keeps the date first
-- promised, so moving it never turns a missed promise into a kept one.
ALTER TABLE followups ADD COLUMN withdrawn_at TEXT;
ALTER TABLE followups ADD COLUMN first_due_on TEXT;
UPDATE followups SET first_due_on = due_on;
-- Every insert path (forms, import, API) records the first date.
-- +goose StatementBegin
CREATE TRIGGER followups_first_due AFTER INSERT ON followups
WHEN NEW.first_due_on IS NULL AND NEW.due_on IS NOT NULL
BEGIN
    UPDATE followups SET first_due_on = NEW.due_on WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- The search index holds only follow-ups that were not withdrawn.
DROP TRIGGER followups_fts_insert;
DROP TRIGGER followups_fts_update;
-- +goose StatementBegin
CREATE TRIGGER followups_fts_insert AFTER INSERT ON followups BEGIN
    UPDATE entries_fts SET followups = coalesce((SELECT group_concat(text, ' ') FROM followups
        WHERE entry_id = new.entry_id AND withdrawn_at IS NULL), '')
    WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_fts_update AFTER UPDATE OF text, withdrawn_at ON followups BEGIN
    UPDATE entries_fts SET followups = coalesce((SELECT group_concat(text, ' ') FROM followups
        WHERE entry_id = new.entry_id AND withdrawn_at IS NULL), '')
    WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER followups_fts_update;
DROP TRIGGER followups_fts_insert;
-- +goose StatementBegin
CREATE TRIGGER followups_fts_insert AFTER INSERT ON followups BEGIN
    UPDATE entries_fts SET followups = (SELECT group_concat(text, ' ') FROM followups WHERE entry_id = new.entry_id)
    WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_fts_update AFTER UPDATE OF text ON followups BEGIN
    UPDATE entries_fts SET followups = (SELECT group_concat(text, ' ') FROM followups WHERE entry_id = new.entry_id)
    WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
DROP TRIGGER followups_first_due;
ALTER TABLE followups DROP COLUMN first_due_on;
ALTER TABLE followups DROP COLUMN withdrawn_at;
DROP TABLE idempotency_keys;
