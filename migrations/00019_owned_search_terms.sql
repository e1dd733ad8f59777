-- +goose Up
-- Every word in the search index belongs to one user.
--
-- Until now a term ("meet", say) listed the documents of every user who
-- wrote it, and an "owner" column scoped each search by ANDing the user's
-- token into the MATCH. What a search or an edit did with a term it did
-- with everybody's list: bm25 counted all of a common word's documents to
-- rank a light user's few; removing a document with secure-delete found
-- and rewrote its place in every user's list of each of its words; and
-- the prefix indexes (2, 3 and 4 letters, so that "bos" found "boss"
-- without merging every user's lists) made each word four terms and were
-- most of the index.
--
-- Now the view gives the index each word with its user's scope in front
-- ("w42xbudget", see journal.ScopeWords, here the SQL function
-- scoped_words), and a query asks for the searching user's scoped words
-- (journal.SearchQuery). A term lists one user's documents; a prefix
-- query reads the few terms of one user's that start with it, so no
-- prefix index is needed; the owner column goes. Still contentless, still
-- secure-delete, still the same tokenizer.
--
-- scoped_words is defined in Go and registered by internal/sqlite: the
-- triggers below need leadup to write entries, bosses and follow-ups
-- (a sqlite3 shell can read the file, not write those tables).
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

-- The search document, defined once (see 00018): the same text, each word
-- scoped to the entry's user.
CREATE VIEW entry_search_source AS
SELECT e.id AS entry_id,
       scoped_words(e.user_id, e.summary) AS summary,
       scoped_words(e.user_id, e.notes) AS notes,
       scoped_words(e.user_id, coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id AND f.withdrawn_at IS NULL), '')) AS followups,
       scoped_words(e.user_id, b.name) AS boss,
       -- Each block's searched text, one line a block.
       scoped_words(e.user_id, trim(
           coalesce((SELECT p.problem || ' ' || (SELECT group_concat(o.value, ' ') FROM json_each(p.options) o) || ' ' ||
                     p.recommendation || ' ' || p.decision_note FROM problems p WHERE p.entry_id = e.id), '') || ' ' ||
           coalesce((SELECT t.bet || ' ' || t.downside || ' ' || t.mitigation || ' ' || t.lesson FROM bets t WHERE t.entry_id = e.id), '') || ' ' ||
           coalesce((SELECT c.forecast || ' ' || c.impact || ' ' || c.prepared FROM forecasts c WHERE c.entry_id = e.id), '')
       )) AS extra
FROM entries e JOIN bosses b ON b.id = e.boss_id;

CREATE VIRTUAL TABLE entry_search USING fts5(
    summary, notes, followups, boss, extra,
    content = '',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Deleted text leaves no trace in the index's pages.
INSERT INTO entry_search (entry_search, rank) VALUES ('secure-delete', 1);

-- The triggers of 00008, without the owner column: a BEFORE trigger
-- removes a document as the view has it, an AFTER trigger inserts it
-- again.
-- +goose StatementBegin
CREATE TRIGGER entry_search_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entry_search (rowid, summary, notes, followups, boss, extra)
    SELECT entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER entry_search_unindex BEFORE UPDATE OF summary, notes, boss_id, user_id ON entries BEGIN
    INSERT INTO entry_search (entry_search, rowid, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER entry_search_update AFTER UPDATE OF summary, notes, boss_id, user_id ON entries BEGIN
    INSERT INTO entry_search (rowid, summary, notes, followups, boss, extra)
    SELECT entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.id;
END;
-- +goose StatementEnd
-- Runs before the cascade, whose follow-up triggers then find no entry.
-- +goose StatementBegin
CREATE TRIGGER entry_search_delete BEFORE DELETE ON entries BEGIN
    INSERT INTO entry_search (entry_search, rowid, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_search_unindex_insert BEFORE INSERT ON followups BEGIN
    INSERT INTO entry_search (entry_search, rowid, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_search_insert AFTER INSERT ON followups BEGIN
    INSERT INTO entry_search (rowid, summary, notes, followups, boss, extra)
    SELECT entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- A withdrawn follow-up leaves search; restoring it brings it back.
-- +goose StatementBegin
CREATE TRIGGER followups_search_unindex_update BEFORE UPDATE OF text, entry_id, withdrawn_at ON followups BEGIN
    INSERT INTO entry_search (entry_search, rowid, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id IN (old.entry_id, new.entry_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_search_update AFTER UPDATE OF text, entry_id, withdrawn_at ON followups BEGIN
    INSERT INTO entry_search (rowid, summary, notes, followups, boss, extra)
    SELECT entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id IN (old.entry_id, new.entry_id);
END;
-- +goose StatementEnd
-- When the entry itself is being deleted, the view no longer has it and
-- both add nothing.
-- +goose StatementBegin
CREATE TRIGGER followups_search_unindex_delete BEFORE DELETE ON followups BEGIN
    INSERT INTO entry_search (entry_search, rowid, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER followups_search_delete AFTER DELETE ON followups BEGIN
    INSERT INTO entry_search (rowid, summary, notes, followups, boss, extra)
    SELECT entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bosses_search_unindex BEFORE UPDATE OF name ON bosses BEGIN
    INSERT INTO entry_search (entry_search, rowid, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id IN (SELECT id FROM entries WHERE user_id = old.user_id AND boss_id = old.id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bosses_search_rename AFTER UPDATE OF name ON bosses BEGIN
    INSERT INTO entry_search (rowid, summary, notes, followups, boss, extra)
    SELECT entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id IN (SELECT id FROM entries WHERE user_id = new.user_id AND boss_id = new.id);
END;
-- +goose StatementEnd

-- Fill it after the migrations, in chunks (internal/sqlite/rebuild.go).
CREATE TABLE IF NOT EXISTS pending_rebuilds (name TEXT PRIMARY KEY, done_through INTEGER) STRICT;
INSERT INTO pending_rebuilds (name) VALUES ('entry_search')
    ON CONFLICT (name) DO UPDATE SET done_through = NULL;

-- +goose Down
-- Back to 00018's index: an owner column, unscoped words, prefix indexes,
-- filled here in one statement (a rebuild fills the index this leadup
-- has, not an older one's).
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
CREATE TABLE IF NOT EXISTS pending_rebuilds (name TEXT PRIMARY KEY, done_through INTEGER) STRICT;
DELETE FROM pending_rebuilds WHERE name = 'entry_search';

CREATE VIEW entry_search_source AS
SELECT e.id AS entry_id,
       'u' || e.user_id AS owner,
       e.summary AS summary,
       e.notes AS notes,
       coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id AND f.withdrawn_at IS NULL), '') AS followups,
       b.name AS boss,
       -- Each block's searched text, one line a block.
       trim(
           coalesce((SELECT p.problem || ' ' || (SELECT group_concat(o.value, ' ') FROM json_each(p.options) o) || ' ' ||
                     p.recommendation || ' ' || p.decision_note FROM problems p WHERE p.entry_id = e.id), '') || ' ' ||
           coalesce((SELECT t.bet || ' ' || t.downside || ' ' || t.mitigation || ' ' || t.lesson FROM bets t WHERE t.entry_id = e.id), '') || ' ' ||
           coalesce((SELECT c.forecast || ' ' || c.impact || ' ' || c.prepared FROM forecasts c WHERE c.entry_id = e.id), '')
       ) AS extra
FROM entries e JOIN bosses b ON b.id = e.boss_id;

CREATE VIRTUAL TABLE entry_search USING fts5(
    owner, summary, notes, followups, boss, extra,
    content = '',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
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

INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source;
