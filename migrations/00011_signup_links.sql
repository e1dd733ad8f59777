-- +goose Up
-- An open sign-up waiting for its owner to follow the link mailed to the
-- address. Only the SHA-256 of the link's token is kept, so a copy of the
-- database cannot finish anyone's sign-up. Nothing reaches users before
-- the link is followed; expired rows are dropped on the next sign-up.
CREATE TABLE pending_signups (
    token_hash    BLOB    PRIMARY KEY,
    email         TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    timezone      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    expires_at    INTEGER NOT NULL -- unix seconds
) STRICT;
CREATE INDEX pending_signups_expires_idx ON pending_signups (expires_at);

-- +goose Down
DROP TABLE pending_signups;
