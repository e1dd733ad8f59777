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

-- An account signed in through OpenID Connect is known by the pair
-- (issuer, subject), never by email, which a provider may let change or
-- reuse (OIDC Core §5.7).
CREATE TABLE oidc_identities (
    issuer     TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (issuer, subject)
) STRICT;
CREATE INDEX oidc_identities_user_idx ON oidc_identities (user_id);

-- A sign-in on its way through the provider, keyed by the SHA-256 of its
-- state: the PKCE verifier and the nonce stay here, not in the browser,
-- and a row is taken once, so a replayed callback finds nothing. saved
-- holds a form the user typed before signing in, to finish after it.
CREATE TABLE oidc_logins (
    state_hash BLOB NOT NULL PRIMARY KEY CHECK (length(state_hash) = 32),
    nonce      TEXT NOT NULL,
    verifier   TEXT NOT NULL,
    next       TEXT NOT NULL,
    saved      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

-- +goose Down
DROP TABLE oidc_logins;
DROP TABLE oidc_identities;
DROP TABLE api_tokens;
