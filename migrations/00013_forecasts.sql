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

-- FTS: adapt to the index of 00008 at merge.
-- 00010 gave entries_fts a column, extra, filled from the view
-- entry_extra_text. The view is rebuilt with the forecast's text (forecast,
-- impact and what was prepared) at the end, and three triggers recompute
-- extra whenever a forecast changes.
DROP VIEW entry_extra_text;
CREATE VIEW entry_extra_text (entry_id, text) AS
SELECT e.id, trim(
    coalesce((SELECT p.problem || ' ' || (SELECT group_concat(o.value, ' ') FROM json_each(p.options) o) || ' ' ||
              p.recommendation || ' ' || p.decision_note FROM problems p WHERE p.entry_id = e.id), '') || ' ' ||
    coalesce((SELECT b.bet || ' ' || b.downside || ' ' || b.mitigation || ' ' || b.lesson FROM bets b WHERE b.entry_id = e.id), '') || ' ' ||
    coalesce((SELECT f.forecast || ' ' || f.impact || ' ' || f.prepared FROM forecasts f WHERE f.entry_id = e.id), ''))
FROM entries e;

-- +goose StatementBegin
CREATE TRIGGER forecasts_fts_insert AFTER INSERT ON forecasts BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = new.entry_id) WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER forecasts_fts_update AFTER UPDATE OF forecast, impact, prepared ON forecasts BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = new.entry_id) WHERE rowid = new.entry_id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER forecasts_fts_delete AFTER DELETE ON forecasts BEGIN
    UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text WHERE entry_id = old.entry_id) WHERE rowid = old.entry_id;
END;
-- +goose StatementEnd
-- End of the FTS section.

-- +goose Down
DROP TRIGGER forecasts_fts_delete;
DROP TRIGGER forecasts_fts_update;
DROP TRIGGER forecasts_fts_insert;
DROP VIEW entry_extra_text;
CREATE VIEW entry_extra_text (entry_id, text) AS
SELECT e.id, trim(
    coalesce((SELECT p.problem || ' ' || (SELECT group_concat(o.value, ' ') FROM json_each(p.options) o) || ' ' ||
              p.recommendation || ' ' || p.decision_note FROM problems p WHERE p.entry_id = e.id), '') || ' ' ||
    coalesce((SELECT b.bet || ' ' || b.downside || ' ' || b.mitigation || ' ' || b.lesson FROM bets b WHERE b.entry_id = e.id), ''))
FROM entries e;
DROP TRIGGER forecasts_follow_entry;
DROP TABLE forecasts;
UPDATE entries_fts SET extra = (SELECT text FROM entry_extra_text t WHERE t.entry_id = entries_fts.rowid);
