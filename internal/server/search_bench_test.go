package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"
)

// worstSearch is the costliest query the bounds accept on the seeded
// journal: the most one-letter prefix terms allowed, each matching words in
// nearly every entry.
const worstSearch = "s n a t m e f u o i"

// BenchmarkSearchWorstCase measures the longest accepted search on a
// 10,000-entry journal, and /healthz's latency over loopback while four
// such searches run without pause.
//
//	go test ./internal/server -run '^$' -bench SearchWorstCase -benchtime 20x
func BenchmarkSearchWorstCase(b *testing.B) {
	app := newTestApp(b)
	c, user := benchUser(app, "bench@example.com")
	seedJournal(b, app, user.ID, 100, 9900, time.Now().UTC())
	cookie := c.sessionCookie()
	path := "/entries?q=" + url.QueryEscape(worstSearch)
	search := func() int {
		req := newLocalRequest(http.MethodGet, path)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		app.srv.ServeHTTP(rec, req)
		return rec.Code
	}

	b.Run("search", func(b *testing.B) {
		for b.Loop() {
			if code := search(); code != http.StatusOK {
				b.Fatalf("status %d", code)
			}
		}
	})

	b.Run("healthz-during-4-searches", func(b *testing.B) {
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
						search()
					}
				}
			}()
		}
		time.Sleep(100 * time.Millisecond) // let the searches take the pool
		var lat []time.Duration
		for b.Loop() {
			t0 := time.Now()
			resp, err := http.Get(app.ts.URL + "/healthz")
			if err != nil {
				b.Fatal(err)
			}
			resp.Body.Close()
			lat = append(lat, time.Since(t0))
			if resp.StatusCode != http.StatusOK {
				b.Fatalf("status %d", resp.StatusCode)
			}
		}
		close(stop)
		wg.Wait()
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	})
}
