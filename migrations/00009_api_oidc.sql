-- +goose Up
-- Personal API tokens. Only the SHA-256 of a token is kept: the token is
-- shown once, and a copy of the database does not hand out API access.
-- expires_on is a local date in the user's zone (the token works through
-- that day); revoked tokens stay listed so the user sees what was cut off.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    scope        TEXT    NOT NULL CHECK (scope IN ('read', 'write')),
    token_hash   BLOB    NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at   TEXT    NOT NULL,
    last_used_at TEXT,
    expires_on   TEXT,
    revoked_at   TEXT
) STRICT;
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, id);

-- +goose Down
DROP TABLE api_tokens;
