-- +goose Up
-- A pending sign-up keeps no password: with mail on, the password is asked
-- for on the page the mailed link opens, so whoever typed someone else's
-- address holds no secret of the account it becomes. The hashes kept by
-- sign-ups made before go; their links still work and ask for a password.
ALTER TABLE pending_signups DROP COLUMN password_hash;

-- Every open sign-up with mail asks for one mail to an address: a link to
-- finish, or a note to an account's owner that someone tried. Each request
-- is noted here for a day, sent or held back, so that one address gets at
-- most one such mail every 10 minutes and five a day, however many
-- clients ask.
CREATE TABLE signup_mails (
    email   TEXT    NOT NULL,
    sent    INTEGER NOT NULL, -- 1 when a mail went out, 0 when held back
    at      INTEGER NOT NULL  -- unix seconds
) STRICT;
CREATE INDEX signup_mails_email_idx ON signup_mails (email, at);
CREATE INDEX signup_mails_at_idx ON signup_mails (at);

-- The reminder epoch of a user moves on each time a reminder is turned
-- on. An unsubscribe link carries the epoch of its mail, signed, so an old
-- mail cannot turn a reminder off again once the user turned it back on.
CREATE TABLE reminder_epochs (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    epoch   INTEGER NOT NULL
) STRICT;

-- +goose Down
DROP TABLE reminder_epochs;
DROP TABLE signup_mails;
ALTER TABLE pending_signups ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
