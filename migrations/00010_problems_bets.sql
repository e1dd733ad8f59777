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
-- Today's entries_fts has no column for this text, so it is rebuilt with
-- one more column, extra, which holds an entry's problem, options,
-- recommendation, decision note, bet, downside, mitigation and lesson.
-- The triggers of 00003 name their columns and keep working; the ones
-- below recompute extra from the two tables whenever either changes.
DROP TABLE entries_fts;
CREATE VIRTUAL TABLE entries_fts USING fts5(
    summary, notes, followups, boss, extra, user_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
CREATE VIEW entry_extra_text (entry_id, text) AS
SELECT e.id, trim(
    coalesce((SELECT p.problem || ' ' || (SELECT group_concat(o.value, ' ') FROM json_each(p.options) o) || ' ' ||
              p.recommendation || ' ' || p.decision_note FROM problems p WHERE p.entry_id = e.id), '') || ' ' ||
    coalesce((SELECT b.bet || ' ' || b.downside || ' ' || b.mitigation || ' ' || b.lesson FROM bets b WHERE b.entry_id = e.id), ''))
FROM entries e;

-- +goose StatementBegin
CREATE TRIGGER problems_fts_insert AFTER INSERT ON problems BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = new.entry_id) WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER problems_fts_update AFTER UPDATE OF problem, options, recommendation, decision_note ON problems BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = new.entry_id) WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER problems_fts_delete AFTER DELETE ON problems BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = old.entry_id) WHERE rowid = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_fts_insert AFTER INSERT ON bets BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = new.entry_id) WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_fts_update AFTER UPDATE OF bet, downside, mitigation, lesson ON bets BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = new.entry_id) WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER bets_fts_delete AFTER DELETE ON bets BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = old.entry_id) WHERE rowid = old.entry_id;
END;
-- +goose StatementEnd

-- The option of 00007 belongs to the table, so the new one needs it too.
INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO entries_fts (rowid, summary, notes, followups, boss, extra, user_id)
SELECT e.id, e.summary, e.notes,
       coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id AND f.withdrawn_at IS NULL), ''),
       b.name, '', e.user_id
FROM entries e JOIN bosses b ON b.id = e.boss_id;
-- End of the FTS section.

-- +goose Down
DROP TRIGGER bets_fts_delete;
DROP TRIGGER bets_fts_update;
DROP TRIGGER bets_fts_insert;
DROP TRIGGER problems_fts_delete;
DROP TRIGGER problems_fts_update;
DROP TRIGGER problems_fts_insert;
DROP VIEW entry_extra_text;
DROP TABLE entries_fts;
CREATE VIRTUAL TABLE entries_fts USING fts5(
    summary, notes, followups, boss, user_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO entries_fts (rowid, summary, notes, followups, boss, user_id)
SELECT e.id, e.summary, e.notes,
       coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id), ''),
       b.name, e.user_id
FROM entries e JOIN bosses b ON b.id = e.boss_id;
DROP TRIGGER problems_bets_follow_entry;
DROP TABLE bets;
DROP TABLE problems;
