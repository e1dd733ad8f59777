-- +goose Up
-- Full-text search over each entry's summary, notes, follow-ups and boss
-- name. Accents fold away (remove_diacritics 2) and short prefixes are
-- indexed so that typing the start of a word finds it.
CREATE VIRTUAL TABLE entries_fts USING fts5(
    summary, notes, followups, boss, user_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

-- Triggers keep the index in step inside the transaction of each write.
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

-- Index what is already there.
INSERT INTO entries_fts (rowid, summary, notes, followups, boss, user_id)
SELECT e.id, e.summary, e.notes,
       coalesce((SELECT group_concat(f.text, ' ') FROM followups f WHERE f.entry_id = e.id), ''),
       b.name, e.user_id
FROM entries e JOIN bosses b ON b.id = e.boss_id;

-- +goose Down
DROP TRIGGER bosses_fts_rename;
DROP TRIGGER followups_fts_delete;
DROP TRIGGER followups_fts_update;
DROP TRIGGER followups_fts_insert;
DROP TRIGGER entries_fts_delete;
DROP TRIGGER entries_fts_update;
DROP TRIGGER entries_fts_insert;
DROP TABLE entries_fts;
