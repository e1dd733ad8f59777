-- +goose Up
-- Each account's language, a BCP 47 tag among the catalog's (internal/i18n):
-- pages are shown in it. '' means the server's default
-- (LEADUP_DEFAULT_LANGUAGE), which is what every account made before this
-- migration keeps until its owner chooses in settings. A sign-up by mail
-- keeps the language of the browser that asked, for the account it becomes.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE pending_signups ADD COLUMN language TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE pending_signups DROP COLUMN language;
ALTER TABLE users DROP COLUMN language;
