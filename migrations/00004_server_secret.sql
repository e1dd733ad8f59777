-- +goose Up
-- One secret per installation, made on first start and kept here so that a
-- backup carries it: form tokens, signed mail links and device cookies are
-- HMACs with it, and stay valid across a restore.
CREATE TABLE server_secret (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    secret BLOB    NOT NULL CHECK (length(secret) = 32)
) STRICT;

-- +goose Down
DROP TABLE server_secret;
