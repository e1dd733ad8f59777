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

-- Kept and withdrawn dated promises per user, side and month of the first
-- due date, kept by triggers: their state no longer changes with the day,
-- so a ledger over years reads a row per month. Open ones are counted live
-- (followups_user_open_due_idx): whether they are overdue depends on today.
CREATE TABLE promise_months (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    month       TEXT    NOT NULL, -- YYYY-MM of coalesce(first_due_on, due_on)
    owner       TEXT    NOT NULL,
    withdrawn   INTEGER NOT NULL,
    done        INTEGER NOT NULL,
    done_by_due INTEGER NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (user_id, month, owner, withdrawn, done, done_by_due)
) STRICT, WITHOUT ROWID;

INSERT INTO promise_months (user_id, month, owner, withdrawn, done, done_by_due, n)
SELECT user_id, substr(coalesce(first_due_on, due_on), 1, 7), owner, withdrawn_at IS NOT NULL, done_on IS NOT NULL,
       coalesce(done_on <= coalesce(first_due_on, due_on), 0), count(*)
FROM followups WHERE coalesce(first_due_on, due_on) IS NOT NULL AND (withdrawn_at IS NOT NULL OR done_on IS NOT NULL)
GROUP BY 1, 2, 3, 4, 5, 6;

-- +goose StatementBegin
CREATE TRIGGER promise_months_insert AFTER INSERT ON followups
WHEN coalesce(new.first_due_on, new.due_on) IS NOT NULL AND (new.withdrawn_at IS NOT NULL OR new.done_on IS NOT NULL) BEGIN
    INSERT INTO promise_months (user_id, month, owner, withdrawn, done, done_by_due, n)
    VALUES (new.user_id, substr(coalesce(new.first_due_on, new.due_on), 1, 7), new.owner, new.withdrawn_at IS NOT NULL,
            new.done_on IS NOT NULL, coalesce(new.done_on <= coalesce(new.first_due_on, new.due_on), 0), 1)
    ON CONFLICT (user_id, month, owner, withdrawn, done, done_by_due) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER promise_months_delete AFTER DELETE ON followups
WHEN coalesce(old.first_due_on, old.due_on) IS NOT NULL AND (old.withdrawn_at IS NOT NULL OR old.done_on IS NOT NULL) BEGIN
    UPDATE promise_months SET n = n - 1
    WHERE user_id = old.user_id AND month = substr(coalesce(old.first_due_on, old.due_on), 1, 7) AND owner = old.owner
      AND withdrawn = (old.withdrawn_at IS NOT NULL) AND done = (old.done_on IS NOT NULL)
      AND done_by_due = coalesce(old.done_on <= coalesce(old.first_due_on, old.due_on), 0);
    DELETE FROM promise_months WHERE user_id = old.user_id AND n <= 0;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER promise_months_update_old AFTER UPDATE OF owner, due_on, first_due_on, done_on, withdrawn_at ON followups
WHEN coalesce(old.first_due_on, old.due_on) IS NOT NULL AND (old.withdrawn_at IS NOT NULL OR old.done_on IS NOT NULL) BEGIN
    UPDATE promise_months SET n = n - 1
    WHERE user_id = old.user_id AND month = substr(coalesce(old.first_due_on, old.due_on), 1, 7) AND owner = old.owner
      AND withdrawn = (old.withdrawn_at IS NOT NULL) AND done = (old.done_on IS NOT NULL)
      AND done_by_due = coalesce(old.done_on <= coalesce(old.first_due_on, old.due_on), 0);
    DELETE FROM promise_months WHERE user_id = old.user_id AND n <= 0;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER promise_months_update_new AFTER UPDATE OF owner, due_on, first_due_on, done_on, withdrawn_at ON followups
WHEN coalesce(new.first_due_on, new.due_on) IS NOT NULL AND (new.withdrawn_at IS NOT NULL OR new.done_on IS NOT NULL) BEGIN
    INSERT INTO promise_months (user_id, month, owner, withdrawn, done, done_by_due, n)
    VALUES (new.user_id, substr(coalesce(new.first_due_on, new.due_on), 1, 7), new.owner, new.withdrawn_at IS NOT NULL,
            new.done_on IS NOT NULL, coalesce(new.done_on <= coalesce(new.first_due_on, new.due_on), 0), 1)
    ON CONFLICT (user_id, month, owner, withdrawn, done, done_by_due) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
CREATE INDEX followups_user_open_due_idx ON followups (user_id, owner, coalesce(first_due_on, due_on))
WHERE done_on IS NULL AND withdrawn_at IS NULL;

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
DROP INDEX followups_user_open_due_idx;
DROP TRIGGER promise_months_update_new;
DROP TRIGGER promise_months_update_old;
DROP TRIGGER promise_months_delete;
DROP TRIGGER promise_months_insert;
DROP TABLE promise_months;
DROP INDEX followups_user_first_due_idx;
DROP INDEX entries_priority_date_idx;
DROP TRIGGER practice_months_update;
DROP TRIGGER practice_months_delete;
DROP TRIGGER practice_months_insert;
DROP TABLE practice_months;
