-- +goose Up
-- Public ids are unique per user: an export imported into another account
-- keeps its ids there as that account's own copies.
CREATE TABLE bosses (
    id         INTEGER PRIMARY KEY,
    public_id  TEXT    NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    relation   TEXT    NOT NULL CHECK (relation IN ('manager', 'skip_level', 'executive', 'board', 'stakeholder', 'other')),
    role       TEXT    NOT NULL DEFAULT '',
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    UNIQUE (user_id, public_id)
) STRICT;
CREATE INDEX bosses_user_idx ON bosses (user_id, archived, name);

CREATE TABLE priorities (
    id                INTEGER PRIMARY KEY,
    public_id         TEXT    NOT NULL,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    boss_id           INTEGER NOT NULL REFERENCES bosses (id) ON DELETE CASCADE,
    text              TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('active', 'done', 'dropped')),
    noted_on          TEXT    NOT NULL,
    status_changed_at TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    UNIQUE (user_id, public_id)
) STRICT;
CREATE INDEX priorities_user_boss_idx ON priorities (user_id, boss_id, status);

CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    public_id   TEXT    NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    boss_id     INTEGER NOT NULL REFERENCES bosses (id) ON DELETE CASCADE,
    occurred_on TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('one_on_one', 'meeting', 'email', 'chat', 'other')),
    summary     TEXT    NOT NULL,
    notes       TEXT    NOT NULL DEFAULT '',
    priority_id INTEGER REFERENCES priorities (id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (user_id, public_id)
) STRICT;
-- Every list reads newest first within one user.
CREATE INDEX entries_user_date_idx ON entries (user_id, occurred_on DESC, id DESC);
CREATE INDEX entries_user_boss_date_idx ON entries (user_id, boss_id, occurred_on DESC, id DESC);
CREATE INDEX entries_priority_idx ON entries (priority_id) WHERE priority_id IS NOT NULL;

-- One row per tag. user_id, boss_id and occurred_on repeat the entry's so
-- that counts per practice read one index and never touch entries.
CREATE TABLE entry_practices (
    entry_id    INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    practice    TEXT    NOT NULL CHECK (practice IN ('results', 'responsibility', 'priorities', 'team', 'risk', 'solutions')),
    user_id     INTEGER NOT NULL,
    boss_id     INTEGER NOT NULL,
    occurred_on TEXT    NOT NULL,
    PRIMARY KEY (entry_id, practice)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_practices_user_idx ON entry_practices (user_id, practice, occurred_on DESC, entry_id DESC);
CREATE INDEX entry_practices_user_date_idx ON entry_practices (user_id, occurred_on, practice);
CREATE INDEX entry_practices_user_boss_idx ON entry_practices (user_id, boss_id, practice, occurred_on DESC, entry_id DESC);

CREATE TABLE followups (
    id         INTEGER PRIMARY KEY,
    public_id  TEXT    NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    text       TEXT    NOT NULL,
    owner      TEXT    NOT NULL CHECK (owner IN ('me', 'boss')),
    due_on     TEXT,
    done_at    TEXT,
    done_on    TEXT,
    created_at TEXT    NOT NULL,
    CHECK ((done_at IS NULL) = (done_on IS NULL)),
    UNIQUE (user_id, public_id)
) STRICT;
CREATE INDEX followups_entry_idx ON followups (entry_id);
-- Open follow-ups, soonest due first; NULL due dates sort first in SQLite,
-- so queries order by (due_on IS NULL) to put them last.
CREATE INDEX followups_open_idx ON followups (user_id, due_on) WHERE done_at IS NULL;
CREATE INDEX followups_user_done_idx ON followups (user_id, done_on) WHERE done_on IS NOT NULL;
CREATE INDEX followups_user_due_idx ON followups (user_id, due_on) WHERE due_on IS NOT NULL;

-- +goose Down
DROP TABLE followups;
DROP TABLE entry_practices;
DROP TABLE entries;
DROP TABLE priorities;
DROP TABLE bosses;
