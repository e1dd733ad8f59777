package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/sqlite"
)

// openScaleApp serves the real router over the scale file.
func openScaleApp(b *testing.B) *testApp {
	b.Helper()
	db, err := sqlite.Open(context.Background(), scaleFile(b))
	if err != nil {
		b.Fatal(err)
	}
	cfg := DefaultConfig()
	srv := New(core.New(db), password.NewHasher(fastHash), slog.New(slog.NewTextHandler(io.Discard, nil)), cfg)
	ts := httptest.NewServer(srv)
	b.Cleanup(func() {
		ts.Close()
		db.Close()
	})
	return &testApp{t: b, db: db, srv: srv, ts: ts}
}

// BenchmarkScale renders each page for the light (408 entries) and the
// heavy (100,000 entries) user of the 1,000,000-entry file through the
// real router, and reports the median latency and the page size.
//
//	LEADUP_SCALE=1 go test ./internal/server -run '^$' -bench Scale -benchtime 20x
func BenchmarkScale(b *testing.B) {
	app := openScaleApp(b)
	ctx := context.Background()
	for _, who := range []struct {
		name string
		id   int64
	}{{"light", scaleLightID}, {"heavy", scaleHeavyID}} {
		var bossID int64
		if err := app.db.Reader().QueryRowContext(ctx, "SELECT min(id) FROM bosses WHERE user_id = ?", who.id).Scan(&bossID); err != nil {
			b.Fatal(err)
		}
		boss := "/bosses/" + strconv.FormatInt(bossID, 10)
		u, err := app.db.FindUserByID(ctx, who.id)
		if err != nil {
			b.Fatal(err)
		}
		lastWeek := journal.WeekOfDate(journal.Today(time.Now(), u.Location())).Add(-1).String()
		cookie := &http.Cookie{Name: auth.CookieName, Value: scaleToken(who.id)}
		for _, page := range []struct{ name, path string }{
			{"list", "/entries"},
			{"list-page-5", "/entries?page=5"},
			{"search-common", "/entries?q=" + scaleCommonWord},
			{"search-rare", "/entries?q=" + scaleRareWord},
			{"week", "/weeks/" + lastWeek},
			{"home", "/"},
			{"boss", boss},
			{"prep", boss + "/prep"},
			{"followups", "/followups"},
			{"followups-page-50", "/followups?page=50"},
			{"export-json", "/export.json"},
			{"export-csv", "/export.csv"},
			{"export-md", "/export.md"},
		} {
			b.Run(who.name+"/"+page.name, func(b *testing.B) {
				benchPage(b, app, cookie, page.path)
			})
		}
	}
}

// benchPage GETs path as the cookie's user and reports the median latency
// and the response size.
func benchPage(b *testing.B, app *testApp, cookie *http.Cookie, path string) {
	var took []time.Duration
	var size int
	for b.Loop() {
		req := newLocalRequest(http.MethodGet, path) // the host the server answers
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		t0 := time.Now()
		app.srv.ServeHTTP(rec, req)
		took = append(took, time.Since(t0))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: status %d\n%.500s", path, rec.Code, rec.Body.String())
		}
		size = rec.Body.Len()
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(size)/1024, "KB")
}
