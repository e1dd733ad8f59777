// Package migrations embeds leadup's SQL migrations. A migration that has
// shipped is never edited; changes come as a new numbered file.
//
// A migration that changes what the search index holds (entry_search_source,
// the tokenizer) does not refill the index itself: it ends with
//
//	CREATE TABLE IF NOT EXISTS pending_rebuilds (name TEXT PRIMARY KEY, done_through INTEGER) STRICT;
//	INSERT INTO pending_rebuilds (name) VALUES ('entry_search')
//	    ON CONFLICT (name) DO UPDATE SET done_through = NULL;
//
// and internal/sqlite rebuilds it after the migrations, from scratch, in
// logged chunks that a killed upgrade resumes (see internal/sqlite/rebuild.go).
package migrations

import "embed"

// FS holds the numbered goose migrations.
//
//go:embed *.sql
var FS embed.FS

// AppliedLate lists the migrations that landed on main after higher-numbered
// ones, each with the highest schema version a database may already have for
// it still to be applied late. A file made by a build between those merges
// lacks the migration below versions it has; within the bound the two are
// independent (shown by internal/sqlite's TestUpgradeFromEarlierSchemas), so
// it is applied then. Beyond it the migrations above were since rewritten to
// build on it, and such a file is refused rather than half-upgraded.
//
// From now on a branch renumbers its migration above main's newest when it
// merges, so that this list does not grow.
var AppliedLate = map[int64]int64{
	5:  9,  // capture: landed after 00007 and 00009; touches follow-ups and the old index only
	6:  7,  // reminders: new tables only
	8:  9,  // scoped search: 00010 and 00013 were rewritten on top of it; applied after their old forms, it drops the index their triggers write
	12: 13, // review: landed after 00013 (forecasts); neither reads the other's tables
}
