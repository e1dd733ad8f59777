package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// BenchmarkEntryListAPIvsPage reads the first page of entries, and a
// practice-filtered page, at 100,000 entries through the HTML list and the
// JSON API in the same run. The API shows more per entry (notes and
// follow-ups, as the export does) and no count; the goal is at most twice
// the page's cost.
//
//	go test ./internal/server -run '^$' -bench EntryListAPIvsPage -benchmem
func BenchmarkEntryListAPIvsPage(b *testing.B) {
	app := newTestApp(b, func(c *Config) { c.APIRequests = 1 << 30 })
	c, user := benchUser(app, "bench@example.com")
	token := c.createToken("bench", journal.ScopeRead, "")
	seedJournal(b, app, user.ID, 100, 100_000-100, time.Now().UTC())
	analyze(b, app)
	cookie := c.sessionCookie()
	for _, q := range []string{"", "?practice=team"} {
		for _, kind := range []string{"page", "api"} {
			b.Run("entries=100000/"+kind+q, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					var req *http.Request
					if kind == "page" {
						req = newLocalRequest(http.MethodGet, "/entries"+q)
						req.AddCookie(cookie)
					} else {
						req = newLocalRequest(http.MethodGet, "/api/v1/entries"+q)
						req.Header.Set("Authorization", "Bearer "+token)
					}
					rec := httptest.NewRecorder()
					app.srv.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("status %d", rec.Code)
					}
				}
			})
		}
	}
}

// BenchmarkAPIEntryListBlocks reads the API's first page (50 entries) at
// 10,000 entries, every fifth with a problem, every seventh with a bet and
// every sixth with a forecast: the page carries its entries' blocks.
//
//	go test ./internal/server -run '^$' -bench APIEntryListBlocks -benchmem
func BenchmarkAPIEntryListBlocks(b *testing.B) {
	app := newTestApp(b, func(c *Config) { c.APIRequests = 1 << 30 })
	c, user := benchUser(app, "bench@example.com")
	token := c.createToken("bench", journal.ScopeRead, "")
	today := time.Now().UTC()
	seedJournal(b, app, user.ID, 100, 10_000-100, today)
	seedBlocksSQL(b, app, user.ID, today)
	seedForecastsSQL(b, app, user.ID, today)
	analyze(b, app)
	b.ReportAllocs()
	for b.Loop() {
		req := newLocalRequest(http.MethodGet, "/api/v1/entries")
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		app.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
