-- +goose Up
-- Search, scoped to one user inside the index and holding no second copy
-- of the text.
--
-- entries_fts (00003) matched a word across every user's documents and
-- then threw away the other users' hits: a common word cost what the whole
-- file holds. Here each document carries its owner as a token in the
-- "owner" column, and every search ANDs owner:"u<id>" into the MATCH, so
-- FTS5 seeks through the owner's part of each list only.
--
-- The table is contentless (content=''): the text stays in entries,
-- followups and bosses only. A document is always rebuilt whole from the
-- entry_search_source view: a BEFORE trigger removes it with FTS5's
-- 'delete' command and the view's values as they still are, an AFTER
-- trigger inserts it again from the view. (contentless_delete=1 would
-- delete by rowid alone, but only by a tombstone: the words would stay in
-- the index's pages until a merge, which secure-delete cannot reach.)
--
-- To add text later (problems, options, bets, lessons, forecasts), a
-- migration redefines the view's "extra" column and adds BEFORE and AFTER
-- triggers on the new tables that rebuild the entry's document the same
-- way. Nothing
-- already indexed has to be rebuilt: until the new tables have rows,
-- "extra" is empty for every entry.
--
-- The Porter stemmer lets a whole word match its other forms without a
-- prefix query; prefixes of 2 to 4 letters have their own indexes (see
-- journal.wordTerm).
-- Every trigger that writes entries_fts goes with it, whichever migration
-- made it (00003, and 00005 re-created the follow-up ones).
DROP TRIGGER IF EXISTS bosses_fts_rename;
DROP TRIGGER IF EXISTS followups_fts_delete;
DROP TRIGGER IF EXISTS followups_fts_update;
DROP TRIGGER IF EXISTS followups_fts_insert;
DROP TRIGGER IF EXISTS entries_fts_delete;
DROP TRIGGER IF EXISTS entries_fts_update;
DROP TRIGGER IF EXISTS entries_fts_insert;
DROP TABLE entries_fts;

CREATE VIEW entry_search_source AS
SELECT e.id AS entry_id,
       'u' || e.user_id AS owner,
       e.summary AS summary,
       e.notes AS notes,
       coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id AND f.withdrawn_at IS NULL), '') AS followups,
       b.name AS boss,
       '' AS extra
FROM entries e JOIN bosses b ON b.id = e.boss_id;

CREATE VIRTUAL TABLE entry_search USING fts5(
    owner, summary, notes, followups, boss, extra,
    content = '',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
-- Deleted text leaves no trace in the index's pages.
INSERT INTO entry_search (entry_search, rank) VALUES ('secure-delete', 1);

-- +goose StatementBegin
CREATE TRIGGER entry_search_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER entry_search_unindex BEFORE UPDATE OF summary, notes, boss_id, user_id ON entries BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER entry_search_update AFTER UPDATE OF summary, notes, boss_id, user_id ON entries BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.id;
END;
-- +goose StatementEnd

-- Runs before the cascade, whose follow-up triggers then find no entry.
-- +goose StatementBegin
CREATE TRIGGER entry_search_delete BEFORE DELETE ON entries BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER followups_search_unindex_insert BEFORE INSERT ON followups BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_search_insert AFTER INSERT ON followups BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd

-- A withdrawn follow-up leaves search; restoring it brings it back.
-- +goose StatementBegin
CREATE TRIGGER followups_search_unindex_update BEFORE UPDATE OF text, entry_id, withdrawn_at ON followups BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id IN (old.entry_id, new.entry_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_search_update AFTER UPDATE OF text, entry_id, withdrawn_at ON followups BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id IN (old.entry_id, new.entry_id);
END;
-- +goose StatementEnd

-- When the entry itself is being deleted, the view no longer has it and
-- both add nothing.
-- +goose StatementBegin
CREATE TRIGGER followups_search_unindex_delete BEFORE DELETE ON followups BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_search_delete AFTER DELETE ON followups BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER bosses_search_unindex BEFORE UPDATE OF name ON bosses BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id IN (SELECT id FROM entries WHERE user_id = old.user_id AND boss_id = old.id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bosses_search_rename AFTER UPDATE OF name ON bosses BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id IN (SELECT id FROM entries WHERE user_id = new.user_id AND boss_id = new.id);
END;
-- +goose StatementEnd

-- Index what is already there: after the migrations, in chunks that each
-- commit, with a log line each (internal/sqlite/rebuild.go). Until then
-- nothing is served. (This was once one INSERT here: a
-- million entries in one statement held the upgrade's memory and gave no
-- sign of life; the index it leaves is the same.)
CREATE TABLE IF NOT EXISTS pending_rebuilds (name TEXT PRIMARY KEY, done_through INTEGER) STRICT;
INSERT INTO pending_rebuilds (name) VALUES ('entry_search')
    ON CONFLICT (name) DO UPDATE SET done_through = NULL;

-- The pages list open follow-ups soonest due first, undated last: this
-- index holds them in exactly that order, so showing five reads five.
CREATE INDEX followups_open_order_idx ON followups (user_id, due_on IS NULL, due_on, id) WHERE done_at IS NULL;

-- +goose Down
DROP INDEX followups_open_order_idx;
DROP TRIGGER bosses_search_rename;
DROP TRIGGER bosses_search_unindex;
DROP TRIGGER followups_search_delete;
DROP TRIGGER followups_search_unindex_delete;
DROP TRIGGER followups_search_update;
DROP TRIGGER followups_search_unindex_update;
DROP TRIGGER followups_search_insert;
DROP TRIGGER followups_search_unindex_insert;
DROP TRIGGER entry_search_delete;
DROP TRIGGER entry_search_update;
DROP TRIGGER entry_search_unindex;
DROP TRIGGER entry_search_insert;
DROP TABLE entry_search;
DROP VIEW entry_search_source;

CREATE VIRTUAL TABLE entries_fts USING fts5(
    summary, notes, followups, boss, user_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);

-- +goose StatementBegin
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, summary, notes, followups, boss, user_id)
    VALUES (new.id, new.summary, new.notes, '', (SELECT name FROM bosses WHERE id = new.boss_id), new.user_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER entries_fts_update AFTER UPDATE OF summary, notes, boss_id ON entries BEGIN
    UPDATE entries_fts SET summary = new.summary, notes = new.notes,
        boss = (SELECT name FROM bosses WHERE id = new.boss_id)
    WHERE rowid = new.id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    DELETE FROM entries_fts WHERE rowid = old.id;
END;
-- +goose StatementEnd

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

-- +goose StatementBegin
CREATE TRIGGER followups_fts_delete AFTER DELETE ON followups BEGIN
    UPDATE entries_fts SET followups = coalesce((SELECT group_concat(text, ' ') FROM followups WHERE entry_id = old.entry_id), '')
    WHERE rowid = old.entry_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER bosses_fts_rename AFTER UPDATE OF name ON bosses BEGIN
    UPDATE entries_fts SET boss = new.name
    WHERE rowid IN (SELECT id FROM entries WHERE user_id = new.user_id AND boss_id = new.id);
END;
-- +goose StatementEnd

INSERT INTO entries_fts (rowid, summary, notes, followups, boss, user_id)
SELECT e.id, e.summary, e.notes,
       coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id AND f.withdrawn_at IS NULL), ''),
       b.name, e.user_id
FROM entries e JOIN bosses b ON b.id = e.boss_id;
