package server

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkEntryCreate8Clients posts entries from 8 concurrent signed-in
// browsers over loopback to the real router on a real SQLite file
// (synchronous=FULL), and reports throughput and latency percentiles.
//
//	go test ./internal/server -run '^$' -bench EntryCreate8Clients -benchtime 4000x
func BenchmarkEntryCreate8Clients(b *testing.B) {
	app := newTestApp(b)
	const clients = 8
	cs := make([]*client, clients)
	for i := range cs {
		cs[i] = app.client()
		cs[i].signup("bench" + string(rune('a'+i)) + "@example.com")
	}
	form := entryForm("new_boss_name", "", "summary", "Benchmark 1:1", "notes", strings.Repeat("Notes line. ", 40))
	bossForm := url.Values{"name": {"Dana"}, "relation": {"manager"}}
	var bossIDs [clients]string
	for i := range cs {
		bossIDs[i] = strings.TrimPrefix(cs[i].post("/bosses", bossForm).header.Get("Location"), "/bosses/")
	}

	var next atomic.Int64
	latencies := make([][]time.Duration, clients)
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for i := range cs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			f.Set("boss_id", bossIDs[i])
			f.Del("new_boss_name")
			body := f.Encode()
			for next.Add(1) <= int64(b.N) {
				req, _ := http.NewRequest(http.MethodPost, app.ts.URL+"/entries", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				t0 := time.Now()
				resp, err := cs[i].hc.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				resp.Body.Close()
				latencies[i] = append(latencies[i], time.Since(t0))
				if resp.StatusCode != http.StatusSeeOther {
					b.Errorf("status %d", resp.StatusCode)
					return
				}
			}
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	all := slices.Concat(latencies...)
	slices.Sort(all)
	if len(all) == 0 {
		return
	}
	b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
}
