-- +goose Up
-- A problem raised with options, and a bet placed with a review date: at
-- most one of each per entry, deleted with it. user_id, boss_id and
-- occurred_on repeat the entry's (kept in step by the triggers below) so
-- that every count reads an index that starts with the user and never
-- touches entries.
CREATE TABLE problems (
    entry_id       INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    boss_id        INTEGER NOT NULL,
    occurred_on    TEXT    NOT NULL,
    problem        TEXT    NOT NULL,
    -- A JSON array of 1 to 5 strings, in the order the user gave them.
    options        TEXT    NOT NULL CHECK (json_valid(options) AND json_type(options) = 'array' AND json_array_length(options) BETWEEN 1 AND 5),
    recommendation TEXT    NOT NULL,
    decision       TEXT    NOT NULL DEFAULT 'open' CHECK (decision IN ('open', 'taken', 'changed', 'declined')),
    decided_on     TEXT,
    decision_note  TEXT    NOT NULL DEFAULT '',
    CHECK (decision = 'open' OR decided_on IS NOT NULL)
) STRICT;
CREATE INDEX problems_user_date_idx ON problems (user_id, occurred_on, decision);
-- Problems waiting for a decision are few at any time: counting and listing
-- them reads only these, however long the history.
CREATE INDEX problems_user_open_idx ON problems (user_id, occurred_on, boss_id) WHERE decision = 'open';
CREATE INDEX problems_user_decided_idx ON problems (user_id, decided_on, decision) WHERE decided_on IS NOT NULL;

CREATE TABLE bets (
    entry_id    INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    boss_id     INTEGER NOT NULL,
    occurred_on TEXT    NOT NULL,
    bet         TEXT    NOT NULL,
    downside    TEXT    NOT NULL DEFAULT '',
    mitigation  TEXT    NOT NULL DEFAULT '',
    review_on   TEXT    NOT NULL,
    outcome     TEXT    CHECK (outcome IN ('better', 'as_expected', 'worse', 'called_off')),
    lesson      TEXT    NOT NULL DEFAULT '',
    reviewed_on TEXT,
    CHECK ((outcome IS NULL) = (reviewed_on IS NULL))
) STRICT;
CREATE INDEX bets_user_date_idx ON bets (user_id, occurred_on);
-- Bets waiting for an outcome, soonest review first.
CREATE INDEX bets_user_due_idx ON bets (user_id, review_on, boss_id) WHERE outcome IS NULL;
CREATE INDEX bets_user_reviewed_idx ON bets (user_id, reviewed_on, outcome) WHERE reviewed_on IS NOT NULL;

-- +goose StatementBegin
CREATE TRIGGER problems_bets_follow_entry AFTER UPDATE OF boss_id, occurred_on ON entries BEGIN
    UPDATE problems SET boss_id = new.boss_id, occurred_on = new.occurred_on WHERE entry_id = new.id;
    UPDATE bets SET boss_id = new.boss_id, occurred_on = new.occurred_on WHERE entry_id = new.id;
END;
-- +goose StatementEnd

-- FTS: adapt to the index of 00008 at merge.
-- An entry's problem, options, recommendation, decision note, bet,
-- downside, mitigation and lesson are searched as its "extra" column of
-- entry_search (00008). The view that every document is built from gets
-- that column; the triggers rebuild the entry's document whole when either
-- table changes, as 00008's do: BEFORE removes it as the view still has
-- it, AFTER inserts it as the view has it now. Nothing already indexed
-- changes: until these tables have rows, extra is empty for every entry.
DROP VIEW entry_search_source;
CREATE VIEW entry_search_source AS
SELECT e.id AS entry_id,
       'u' || e.user_id AS owner,
       e.summary AS summary,
       e.notes AS notes,
       coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id AND f.withdrawn_at IS NULL), '') AS followups,
       b.name AS boss,
       trim(
           coalesce((SELECT p.problem || ' ' || (SELECT group_concat(o.value, ' ') FROM json_each(p.options) o) || ' ' ||
                     p.recommendation || ' ' || p.decision_note FROM problems p WHERE p.entry_id = e.id), '') || ' ' ||
           coalesce((SELECT t.bet || ' ' || t.downside || ' ' || t.mitigation || ' ' || t.lesson FROM bets t WHERE t.entry_id = e.id), '')
       ) AS extra
FROM entries e JOIN bosses b ON b.id = e.boss_id;

-- An upsert that finds the row runs the UPDATE triggers instead, so the
-- BEFORE INSERT one skips it: the document is removed once.
-- +goose StatementBegin
CREATE TRIGGER problems_search_unindex_insert BEFORE INSERT ON problems WHEN NOT EXISTS (SELECT 1 FROM problems WHERE entry_id = new.entry_id) BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER problems_search_insert AFTER INSERT ON problems BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER problems_search_unindex_update BEFORE UPDATE OF problem, options, recommendation, decision_note ON problems BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER problems_search_update AFTER UPDATE OF problem, options, recommendation, decision_note ON problems BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- When the entry itself is being deleted (the cascade), the view no longer
-- has it and both add nothing.
-- +goose StatementBegin
CREATE TRIGGER problems_search_unindex_delete BEFORE DELETE ON problems BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER problems_search_delete AFTER DELETE ON problems BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_search_unindex_insert BEFORE INSERT ON bets WHEN NOT EXISTS (SELECT 1 FROM bets WHERE entry_id = new.entry_id) BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_search_insert AFTER INSERT ON bets BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_search_unindex_update BEFORE UPDATE OF bet, downside, mitigation, lesson ON bets BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_search_update AFTER UPDATE OF bet, downside, mitigation, lesson ON bets BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_search_unindex_delete BEFORE DELETE ON bets BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_search_delete AFTER DELETE ON bets BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- End of the FTS section.

-- +goose Down
-- Back to 00008's view; the problem and bet text leaves the index.
INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source
WHERE entry_id IN (SELECT entry_id FROM problems UNION SELECT entry_id FROM bets);
DROP TRIGGER bets_search_delete;
DROP TRIGGER bets_search_unindex_delete;
DROP TRIGGER bets_search_update;
DROP TRIGGER bets_search_unindex_update;
DROP TRIGGER bets_search_insert;
DROP TRIGGER bets_search_unindex_insert;
DROP TRIGGER problems_search_delete;
DROP TRIGGER problems_search_unindex_delete;
DROP TRIGGER problems_search_update;
DROP TRIGGER problems_search_unindex_update;
DROP TRIGGER problems_search_insert;
DROP TRIGGER problems_search_unindex_insert;
DROP VIEW entry_search_source;
CREATE VIEW entry_search_source AS
SELECT e.id AS entry_id,
       'u' || e.user_id AS owner,
       e.summary AS summary,
       e.notes AS notes,
       coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id AND f.withdrawn_at IS NULL), '') AS followups,
       b.name AS boss,
       '' AS extra
FROM entries e JOIN bosses b ON b.id = e.boss_id;
INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source
WHERE entry_id IN (SELECT entry_id FROM problems UNION SELECT entry_id FROM bets);
DROP TRIGGER problems_bets_follow_entry;
DROP TABLE bets;
DROP TABLE problems;
