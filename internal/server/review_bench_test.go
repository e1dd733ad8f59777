package server

import (
	"fmt"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// BenchmarkReview renders /review and /review.json over five years for an
// account with 100 entries and one with 100,000 in those years. A busy
// second account shares the database. No ANALYZE: the plans must hold
// without statistics.
//
//	go test ./internal/server -run '^$' -bench Review -benchtime 50x
func BenchmarkReview(b *testing.B) {
	today := time.Now().UTC()
	for _, size := range []int{100, 100_000} {
		app := newTestApp(b)
		c, user := benchUser(app, "bench@example.com")
		_, other := benchUser(app, "other@example.com")
		seedFiveYears(b, app, user.ID, size, today)
		seedFiveYears(b, app, other.ID, 10_000, today)
		local := journal.Today(today, user.Location())
		q := "?from=" + journal.AddDays(local, -5*365) + "&to=" + local
		cookie := c.sessionCookie()
		for _, path := range []string{"/review" + q, "/review.json" + q, "/review.md" + q} {
			name := path[:len(path)-len(q)]
			b.Run(fmt.Sprintf("entries=%d%s", size, name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					serveOK(b, app, cookie, path)
				}
			})
		}
	}
}
