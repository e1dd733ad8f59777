-- +goose Up
-- The rules of a promise, written once (#25). Every query, trigger and
-- aggregate reads these columns; none writes the rule out again. They are
-- VIRTUAL (SQLite cannot add stored ones to a table that exists): computed
-- when read, stored only in the indexes below.

-- judged_on: the date a promise is judged against and placed in a period
-- by, its first due date; moving the date never turns a miss into a keep.
ALTER TABLE followups ADD COLUMN judged_on TEXT GENERATED ALWAYS AS (coalesce(first_due_on, due_on)) VIRTUAL;

-- promise_state: where a promise stands, whatever the day. On time is done
-- on or before judged_on. A promise that never had a due date is not judged:
-- done, it is 'unjudged', neither on time nor late. Withdrawn wins.
ALTER TABLE followups ADD COLUMN promise_state TEXT GENERATED ALWAYS AS (CASE
    WHEN withdrawn_at IS NOT NULL THEN 'withdrawn'
    WHEN done_on IS NULL THEN 'open'
    WHEN judged_on IS NULL THEN 'unjudged'
    WHEN done_on <= judged_on THEN 'on_time'
    ELSE 'late' END) VIRTUAL;

-- overdue_after: the current due date of an open promise (null once done or
-- withdrawn, or without a date). Overdue means `overdue_after < ?`, the
-- parameter being today in the user's zone: due today is not yet overdue.
ALTER TABLE followups ADD COLUMN overdue_after TEXT GENERATED ALWAYS AS (CASE WHEN promise_state = 'open' THEN due_on END) VIRTUAL;

-- The indexes of 00012 were on the written-out expression; these hold the
-- columns, so that the queries reading the columns use them.
DROP INDEX followups_user_first_due_idx;
DROP INDEX followups_user_open_due_idx;
CREATE INDEX followups_user_judged_idx ON followups (user_id, judged_on, owner, promise_state);
CREATE INDEX followups_user_open_judged_idx ON followups (user_id, owner, judged_on, overdue_after) WHERE promise_state = 'open';
CREATE INDEX followups_user_overdue_idx ON followups (user_id, overdue_after) WHERE overdue_after IS NOT NULL;

-- Settled dated promises (on time, late, withdrawn) per user, side, month of
-- judged_on and state, kept by triggers: their state no longer changes with
-- the day. Open ones are counted live; undated ones by the entry's date.
DROP TRIGGER promise_months_update_new;
DROP TRIGGER promise_months_update_old;
DROP TRIGGER promise_months_delete;
DROP TRIGGER promise_months_insert;
DROP TABLE promise_months;
CREATE TABLE promise_months (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    month   TEXT    NOT NULL, -- YYYY-MM of judged_on
    owner   TEXT    NOT NULL,
    state   TEXT    NOT NULL, -- promise_state: on_time, late or withdrawn
    n       INTEGER NOT NULL,
    PRIMARY KEY (user_id, month, owner, state)
) STRICT, WITHOUT ROWID;

INSERT INTO promise_months (user_id, month, owner, state, n)
SELECT user_id, substr(judged_on, 1, 7), owner, promise_state, count(*)
FROM followups WHERE judged_on IS NOT NULL AND promise_state <> 'open'
GROUP BY 1, 2, 3, 4;

-- +goose StatementBegin
CREATE TRIGGER promise_months_insert AFTER INSERT ON followups
WHEN new.judged_on IS NOT NULL AND new.promise_state <> 'open' BEGIN
    INSERT INTO promise_months (user_id, month, owner, state, n)
    VALUES (new.user_id, substr(new.judged_on, 1, 7), new.owner, new.promise_state, 1)
    ON CONFLICT (user_id, month, owner, state) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER promise_months_delete AFTER DELETE ON followups
WHEN old.judged_on IS NOT NULL AND old.promise_state <> 'open' BEGIN
    UPDATE promise_months SET n = n - 1
    WHERE user_id = old.user_id AND month = substr(old.judged_on, 1, 7) AND owner = old.owner AND state = old.promise_state;
    DELETE FROM promise_months WHERE user_id = old.user_id AND n <= 0;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER promise_months_update_old AFTER UPDATE OF owner, due_on, first_due_on, done_on, withdrawn_at ON followups
WHEN old.judged_on IS NOT NULL AND old.promise_state <> 'open' BEGIN
    UPDATE promise_months SET n = n - 1
    WHERE user_id = old.user_id AND month = substr(old.judged_on, 1, 7) AND owner = old.owner AND state = old.promise_state;
    DELETE FROM promise_months WHERE user_id = old.user_id AND n <= 0;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER promise_months_update_new AFTER UPDATE OF owner, due_on, first_due_on, done_on, withdrawn_at ON followups
WHEN new.judged_on IS NOT NULL AND new.promise_state <> 'open' BEGIN
    INSERT INTO promise_months (user_id, month, owner, state, n)
    VALUES (new.user_id, substr(new.judged_on, 1, 7), new.owner, new.promise_state, 1)
    ON CONFLICT (user_id, month, owner, state) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER promise_months_update_new;
DROP TRIGGER promise_months_update_old;
DROP TRIGGER promise_months_delete;
DROP TRIGGER promise_months_insert;
DROP TABLE promise_months;
DROP INDEX followups_user_overdue_idx;
DROP INDEX followups_user_open_judged_idx;
DROP INDEX followups_user_judged_idx;
ALTER TABLE followups DROP COLUMN overdue_after;
ALTER TABLE followups DROP COLUMN promise_state;
ALTER TABLE followups DROP COLUMN judged_on;

-- 00012's table, triggers and indexes, as they were.
CREATE INDEX followups_user_first_due_idx ON followups (user_id, coalesce(first_due_on, due_on), owner, done_on, withdrawn_at, first_due_on, due_on);
CREATE INDEX followups_user_open_due_idx ON followups (user_id, owner, coalesce(first_due_on, due_on))
WHERE done_on IS NULL AND withdrawn_at IS NULL;
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
