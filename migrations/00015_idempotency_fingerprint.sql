-- +goose Up
-- The fingerprint of the API request that used an Idempotency-Key: a
-- SHA-256 of its method, path and body, in hex. The same key sent with
-- another request is refused instead of answered with the first one's
-- record. Form tokens, and keys used before this migration, have ''.
ALTER TABLE idempotency_keys ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE idempotency_keys DROP COLUMN fingerprint;
