-- +goose Up
-- Deleted text must leave the file. PRAGMA secure_delete (set on every
-- connection) zeroes freed pages; the search index keeps its own segments,
-- and FTS5's secure-delete option makes a deletion remove the words from
-- them at once instead of leaving them until a merge. The option is stored
-- in the table, so it holds for every connection and every backup.
INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);

-- +goose Down
INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 0);
