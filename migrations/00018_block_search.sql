-- +goose Up
-- The search document, defined once: what each entry's document says is
-- this view, whole, and nothing else. A migration that changes it (a new
-- block's text, say) drops it and creates it whole again, as this one
-- does. No block table carries search triggers any more: the store's one
-- block writer (internal/sqlite/block.go, reindexEntry) removes an entry's
-- document as the view has it before it writes any block and inserts it
-- again after, the way the triggers of 00010 and 00013 did six a table.
-- A new block's migration therefore adds its table and its line in
-- "extra" below, and no trigger.
--
-- The view's text is what 00013's said, character for character, so every
-- document already indexed is still the one the view builds and nothing
-- has to be rebuilt. A later migration that changes the text of documents
-- already indexed must rebuild the index; it asks for that the way
-- internal/sqlite's rebuilds do (bounded memory, resumable), not with one
-- INSERT here.
DROP TRIGGER problems_search_unindex_insert;
DROP TRIGGER problems_search_insert;
DROP TRIGGER problems_search_unindex_update;
DROP TRIGGER problems_search_update;
DROP TRIGGER problems_search_unindex_delete;
DROP TRIGGER problems_search_delete;
DROP TRIGGER bets_search_unindex_insert;
DROP TRIGGER bets_search_insert;
DROP TRIGGER bets_search_unindex_update;
DROP TRIGGER bets_search_update;
DROP TRIGGER bets_search_unindex_delete;
DROP TRIGGER bets_search_delete;
DROP TRIGGER forecasts_search_unindex_insert;
DROP TRIGGER forecasts_search_insert;
DROP TRIGGER forecasts_search_unindex_update;
DROP TRIGGER forecasts_search_update;
DROP TRIGGER forecasts_search_unindex_delete;
DROP TRIGGER forecasts_search_delete;

DROP VIEW entry_search_source;
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

-- +goose Down
-- Back to 00013: the same view, and the block tables' triggers again.
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
