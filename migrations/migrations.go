// Package migrations embeds leadup's SQL migrations. A migration that has
// shipped is never edited; changes come as a new numbered file.
package migrations

import "embed"

// FS holds the numbered goose migrations.
//
//go:embed *.sql
var FS embed.FS
