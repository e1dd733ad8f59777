package server

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkImportWriterWait imports an honest 5,000-entry export (notes,
// two practices each, a follow-up every tenth, every seventh linked to a
// priority) over loopback while another user saves entries one after
// another, and reports how long that user's slowest save took: how long
// the import held the database's one writer from everyone else.
//
//	go test ./internal/server -run '^$' -bench ImportWriterWait -benchtime 3x
func BenchmarkImportWriterWait(b *testing.B) {
	file := fiveThousandEntryExport(b)
	b.Logf("file: %.1f MiB", float64(len(file))/(1<<20))
	var worst, total time.Duration
	for b.Loop() {
		app := newTestApp(b)
		importer := app.signedUp("importer@example.com")
		other := app.signedUp("other@example.com")
		other.createdID("/entries", entryForm("new_boss_name", "Olga"), "/entries/")
		bossID := fmtAny(app.scalar("SELECT id FROM bosses WHERE name = 'Olga'"))

		done := make(chan struct{})
		var waits []time.Duration
		var wg sync.WaitGroup
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				start := time.Now()
				if status := postForm(other, "/entries", entryForm("boss_id", bossID)); status != http.StatusSeeOther {
					b.Errorf("other user's entry: status %d, want 303", status)
					return
				}
				waits = append(waits, time.Since(start))
			}
		})
		start := time.Now()
		r := importer.upload(file)
		took := time.Since(start)
		close(done)
		wg.Wait()
		if r.status != http.StatusSeeOther {
			b.Fatalf("import: status %d\n%.600s", r.status, r.body)
		}
		if n := app.rowsOf("entries", "importer@example.com"); n != 5_000 {
			b.Fatalf("imported %d entries, want 5000", n)
		}
		worst = max(worst, slices.Max(waits))
		total += took
		b.Logf("import %v; other user's saves: %d, slowest %v", took, len(waits), slices.Max(waits))
	}
	b.ReportMetric(float64(worst.Milliseconds()), "worst-other-write-ms")
	b.ReportMetric(total.Seconds()/float64(b.N), "import-s")
}

// fiveThousandEntryExport is the JSON export of a seeded 5,000-entry
// journal, with UUIDs for ids as a real export has.
func fiveThousandEntryExport(b testing.TB) []byte { return seededExport(b, 5_000) }

// seededExport is the JSON export of a seeded journal of n entries.
func seededExport(b testing.TB, n int) []byte {
	b.Helper()
	app := newTestApp(b)
	c, u := benchUser(app, "export@example.com")
	dates := make([]string, n)
	today := time.Now().UTC()
	for i := range dates {
		dates[i] = today.AddDate(0, 0, -(i*3650)/len(dates)).Format("2006-01-02")
	}
	notes := strings.Repeat("Talked through the plan, the risks and who does what next. ", 8)
	seedEntries(b, app, u.ID, journalSeed{dates: dates, notes: notes, priorities: true})
	for i, table := range []string{"bosses", "priorities", "entries", "followups"} {
		_, err := app.db.Writer().Exec("UPDATE "+table+" SET public_id = printf('00000000-0000-4000-%x000-%012x', ?, id)", 8+i)
		if err != nil {
			b.Fatal(err)
		}
	}
	r := c.get("/export.json")
	if r.status != http.StatusOK {
		b.Fatalf("export: status %d", r.status)
	}
	return []byte(r.body)
}

// postForm posts form as c without failing the test, so that a goroutine
// may call it, and returns the status (0 when the request failed).
func postForm(c *client, path string, form url.Values) int {
	req, _ := http.NewRequest(http.MethodPost, c.app.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// BenchmarkImportTrickleWriterWait holds an import's upload open after its
// first bytes, as a slow or stalled client does, and reports the slowest
// of another user's entry saves meanwhile.
//
//	go test ./internal/server -run '^$' -bench ImportTrickleWriterWait -benchtime 1x
func BenchmarkImportTrickleWriterWait(b *testing.B) {
	head, rest := uploadHead(b, string(seededExport(b, 50)))
	var worst time.Duration
	for b.Loop() {
		app := newWatchedApp(b, len(head))
		importer := app.signedUp("slow@example.com")
		other := app.signedUp("other@example.com")
		pr, pw := io.Pipe()
		req, _ := http.NewRequest(http.MethodPost, app.ts.URL+"/import", pr)
		req.Header.Set("Content-Type", "multipart/form-data; boundary="+uploadBoundary)
		done := make(chan int)
		go func() {
			resp, err := importer.hc.Do(req)
			if err != nil {
				done <- 0
				return
			}
			resp.Body.Close()
			done <- resp.StatusCode
		}()
		io.WriteString(pw, head)
		waitFor(b, app.reading, "the server to read the upload's head")
		for i := range 20 {
			start := time.Now()
			if status := postForm(other, "/entries", entryForm("new_boss_name", "Olga", "summary", fmt.Sprintf("Saved during a slow import %d", i))); status != http.StatusSeeOther {
				b.Fatalf("other user's entry: status %d", status)
			}
			worst = max(worst, time.Since(start))
		}
		io.WriteString(pw, rest)
		pw.Close()
		if status := <-done; status != http.StatusSeeOther {
			b.Fatalf("import: status %d", status)
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-other-write-ms")
}
