-- +goose Up
-- A forecast: a problem seen coming and raised with the boss before it
-- lands, at most one per entry and deleted with it. user_id, boss_id and
-- occurred_on repeat the entry's (kept in step by the trigger below) so
-- that every count reads an index that starts with the user.
CREATE TABLE forecasts (
    entry_id    INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    boss_id     INTEGER NOT NULL,
    occurred_on TEXT    NOT NULL,
    forecast    TEXT    NOT NULL,
    expected_by TEXT    NOT NULL,
    likelihood  TEXT    NOT NULL CHECK (likelihood IN ('low', 'medium', 'high')),
    impact      TEXT    NOT NULL DEFAULT '',
    prepared    TEXT    NOT NULL DEFAULT '',
    noticed_on  TEXT    NOT NULL,
    result      TEXT    CHECK (result IN ('happened', 'averted', 'did_not_happen')),
    resolved_on TEXT,
    CHECK ((result IS NULL) = (resolved_on IS NULL))
) STRICT;
-- Raised in a period: the counts and the two medians.
CREATE INDEX forecasts_user_date_idx ON forecasts (user_id, occurred_on, boss_id);
-- Open forecasts, soonest expected first: few at any time.
CREATE INDEX forecasts_user_open_idx ON forecasts (user_id, expected_by, boss_id) WHERE result IS NULL;
CREATE INDEX forecasts_user_resolved_idx ON forecasts (user_id, resolved_on, result) WHERE resolved_on IS NOT NULL;

-- +goose StatementBegin
CREATE TRIGGER forecasts_follow_entry AFTER UPDATE OF boss_id, occurred_on ON entries BEGIN
    UPDATE forecasts SET boss_id = new.boss_id, occurred_on = new.occurred_on WHERE entry_id = new.id;
END;
-- +goose StatementEnd

-- Search: the forecast's text (what may go wrong, its impact, what is
-- prepared) joins the entry's document through the view's extra column, the
-- way 00010 added problems and bets. Each change removes the entry's
-- document as it stood and inserts it anew.
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
           coalesce((SELECT t.bet || ' ' || t.downside || ' ' || t.mitigation || ' ' || t.lesson FROM bets t WHERE t.entry_id = e.id), '') || ' ' ||
           coalesce((SELECT c.forecast || ' ' || c.impact || ' ' || c.prepared FROM forecasts c WHERE c.entry_id = e.id), '')
       ) AS extra
FROM entries e JOIN bosses b ON b.id = e.boss_id;

-- An upsert that finds the row runs the UPDATE triggers instead.
-- +goose StatementBegin
CREATE TRIGGER forecasts_search_unindex_insert BEFORE INSERT ON forecasts WHEN NOT EXISTS (SELECT 1 FROM forecasts WHERE entry_id = new.entry_id) BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER forecasts_search_insert AFTER INSERT ON forecasts BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER forecasts_search_unindex_update BEFORE UPDATE OF forecast, impact, prepared ON forecasts BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER forecasts_search_update AFTER UPDATE OF forecast, impact, prepared ON forecasts BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = new.entry_id;
END;
-- +goose StatementEnd
-- When the entry itself is being deleted (the cascade), the view no longer
-- has it and both add nothing.
-- +goose StatementBegin
CREATE TRIGGER forecasts_search_unindex_delete BEFORE DELETE ON forecasts BEGIN
    INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
    SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER forecasts_search_delete AFTER DELETE ON forecasts BEGIN
    INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
    SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = old.entry_id;
END;
-- +goose StatementEnd
-- End of the search section.

-- +goose Down
-- Back to 00010's view; the forecast text leaves the index.
INSERT INTO entry_search (entry_search, rowid, owner, summary, notes, followups, boss, extra)
SELECT 'delete', entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source
WHERE entry_id IN (SELECT entry_id FROM forecasts);
DROP TRIGGER forecasts_search_delete;
DROP TRIGGER forecasts_search_unindex_delete;
DROP TRIGGER forecasts_search_update;
DROP TRIGGER forecasts_search_unindex_update;
DROP TRIGGER forecasts_search_insert;
DROP TRIGGER forecasts_search_unindex_insert;
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
INSERT INTO entry_search (rowid, owner, summary, notes, followups, boss, extra)
SELECT entry_id, owner, summary, notes, followups, boss, extra FROM entry_search_source
WHERE entry_id IN (SELECT entry_id FROM forecasts);
DROP TRIGGER forecasts_follow_entry;
DROP TABLE forecasts;
