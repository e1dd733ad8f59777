-- +goose Up
-- Evidence for reviews (#12).

-- Entry tags per user, boss, month and practice, kept by triggers, so that a
-- review over years reads one small row per month instead of every tag.
CREATE TABLE practice_months (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    boss_id  INTEGER NOT NULL,
    month    TEXT    NOT NULL, -- YYYY-MM
    practice TEXT    NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (user_id, boss_id, month, practice)
) STRICT, WITHOUT ROWID;
CREATE INDEX practice_months_user_idx ON practice_months (user_id, month, practice, n);

INSERT INTO practice_months (user_id, boss_id, month, practice, n)
SELECT user_id, boss_id, substr(occurred_on, 1, 7), practice, count(*)
FROM entry_practices GROUP BY 1, 2, 3, 4;

-- +goose StatementBegin
CREATE TRIGGER practice_months_insert AFTER INSERT ON entry_practices BEGIN
    INSERT INTO practice_months (user_id, boss_id, month, practice, n)
    VALUES (new.user_id, new.boss_id, substr(new.occurred_on, 1, 7), new.practice, 1)
    ON CONFLICT (user_id, boss_id, month, practice) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER practice_months_delete AFTER DELETE ON entry_practices BEGIN
    UPDATE practice_months SET n = n - 1
    WHERE user_id = old.user_id AND boss_id = old.boss_id AND month = substr(old.occurred_on, 1, 7) AND practice = old.practice;
    DELETE FROM practice_months
    WHERE user_id = old.user_id AND boss_id = old.boss_id AND month = substr(old.occurred_on, 1, 7) AND practice = old.practice AND n <= 0;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER practice_months_update AFTER UPDATE OF user_id, boss_id, occurred_on, practice ON entry_practices BEGIN
    UPDATE practice_months SET n = n - 1
    WHERE user_id = old.user_id AND boss_id = old.boss_id AND month = substr(old.occurred_on, 1, 7) AND practice = old.practice;
    DELETE FROM practice_months
    WHERE user_id = old.user_id AND boss_id = old.boss_id AND month = substr(old.occurred_on, 1, 7) AND practice = old.practice AND n <= 0;
    INSERT INTO practice_months (user_id, boss_id, month, practice, n)
    VALUES (new.user_id, new.boss_id, substr(new.occurred_on, 1, 7), new.practice, 1)
    ON CONFLICT (user_id, boss_id, month, practice) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd

-- Drift and the review count a priority's entries by date, and the prep
-- page reads each priority's latest entry: one index range per priority.
CREATE INDEX entries_priority_date_idx ON entries (priority_id, occurred_on) WHERE priority_id IS NOT NULL;

-- The promise ledger places a dated promise by its first due date; the
-- other columns let it count years of promises from the index alone.
CREATE INDEX followups_user_first_due_idx ON followups (user_id, coalesce(first_due_on, due_on), owner, done_on, withdrawn_at, first_due_on, due_on);

-- Each boss's operating manual; every field is optional.
ALTER TABLE bosses ADD COLUMN manual_prefers TEXT NOT NULL DEFAULT '' CHECK (manual_prefers IN ('', 'writing', 'in_person', 'either'));
ALTER TABLE bosses ADD COLUMN manual_channel TEXT NOT NULL DEFAULT '';
ALTER TABLE bosses ADD COLUMN manual_cares TEXT NOT NULL DEFAULT '';
ALTER TABLE bosses ADD COLUMN manual_frustrations TEXT NOT NULL DEFAULT '';
ALTER TABLE bosses ADD COLUMN manual_notes TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE bosses DROP COLUMN manual_notes;
ALTER TABLE bosses DROP COLUMN manual_frustrations;
ALTER TABLE bosses DROP COLUMN manual_cares;
ALTER TABLE bosses DROP COLUMN manual_channel;
ALTER TABLE bosses DROP COLUMN manual_prefers;
DROP INDEX followups_user_first_due_idx;
DROP INDEX entries_priority_date_idx;
DROP TRIGGER practice_months_update;
DROP TRIGGER practice_months_delete;
DROP TRIGGER practice_months_insert;
DROP TABLE practice_months;
