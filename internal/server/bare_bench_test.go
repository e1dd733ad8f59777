package server

import (
	"database/sql"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/sqlite"
)

// The bare servers are the yardstick of #15: net/http and modernc SQLite
// with nothing else (no router, sessions, templates, validation or search
// index), doing the same reads and writes as a page of leadup.

var bareList = template.Must(template.New("list").Parse(
	`<!doctype html><title>Entries</title><ul>{{range .}}<li><a href="/e/{{.ID}}">{{.Date}} {{.Summary}}</a></li>{{end}}</ul>`))

type bareRow struct {
	ID            int64
	Date, Summary string
}

// bareListHandler lists a user's newest entries from the read pool.
func bareListHandler(db *sql.DB, userID int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rows, err := db.QueryContext(r.Context(),
			"SELECT id, occurred_on, summary FROM entries WHERE user_id = ? ORDER BY occurred_on DESC, id DESC LIMIT 50", userID)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		defer rows.Close()
		var list []bareRow
		for rows.Next() {
			var e bareRow
			if err := rows.Scan(&e.ID, &e.Date, &e.Summary); err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
			list = append(list, e)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		bareList.Execute(w, list)
	})
}

// runClients runs n requests from c concurrent clients and reports
// requests per second.
func runClients(b *testing.B, c int, do func(client int) error) {
	var next atomic.Int64
	var wg sync.WaitGroup
	start, cpu := time.Now(), processCPU(b)
	for i := range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(b.N) {
				if err := do(i); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
	b.ReportMetric(float64((processCPU(b)-cpu).Microseconds())/float64(b.N), "cpu-µs/req")
}

// BenchmarkListVsBare lists the heavy user's entries with 8 concurrent
// clients, through leadup's router and through the bare list handler, on
// the same file in the same run.
//
//	LEADUP_SCALE=1 go test ./internal/server -run '^$' -bench ListVsBare -benchtime 2000x
func BenchmarkListVsBare(b *testing.B) {
	app := openScaleApp(b)
	cookie := &http.Cookie{Name: auth.CookieName, Value: scaleToken(scaleHeavyID)}
	get := func(h http.Handler) func(int) error {
		return func(int) error {
			// httptest.NewRequest would say Host: example.com, which the host check
			// refuses (421); a browser on the machine says 127.0.0.1.
			req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1/entries", nil)
			req.AddCookie(cookie)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				return fmt.Errorf("status %d", rec.Code)
			}
			return nil
		}
	}
	b.Run("leadup", func(b *testing.B) { runClients(b, 8, get(app.srv)) })
	b.Run("bare", func(b *testing.B) { runClients(b, 8, get(bareListHandler(app.db.Reader(), scaleHeavyID))) })
}

// bareCreateServer inserts an entry on one writer connection at
// synchronous=FULL (one fsync per entry in WAL), redirects to it, and
// shows it.
func bareCreateServer(b *testing.B) *httptest.Server {
	db, err := sql.Open("sqlite", sqlite.DSN(filepath.Join(b.TempDir(), "bare.db")))
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE entries (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, occurred_on TEXT NOT NULL,
		summary TEXT NOT NULL, notes TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	ins, err := db.Prepare("INSERT INTO entries (user_id, occurred_on, summary, notes) VALUES (1, ?, ?, ?)")
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /e", func(w http.ResponseWriter, r *http.Request) {
		res, err := ins.ExecContext(r.Context(), r.PostFormValue("occurred_on"), r.PostFormValue("summary"), r.PostFormValue("notes"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		id, _ := res.LastInsertId()
		http.Redirect(w, r, "/e/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	})
	mux.HandleFunc("GET /e/{id}", func(w http.ResponseWriter, r *http.Request) {
		var e bareRow
		err := db.QueryRowContext(r.Context(), "SELECT id, occurred_on, summary FROM entries WHERE id = ?", r.PathValue("id")).Scan(&e.ID, &e.Date, &e.Summary)
		if err != nil {
			http.Error(w, err.Error(), 404)
			return
		}
		bareList.Execute(w, []bareRow{e})
	})
	ts := httptest.NewServer(mux)
	b.Cleanup(func() {
		ts.Close()
		db.Close()
	})
	return ts
}

// postAndFollow posts form to url as a browser does and then, when follow
// is set, loads the page it is redirected to.
func postAndFollow(hc *http.Client, base, path string, body string, follow bool) error {
	resp, err := hc.Post(base+path, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		return err
	}
	if err := drained(resp, http.StatusSeeOther, "POST "+path); err != nil || !follow {
		return err
	}
	resp, err = hc.Get(base + resp.Header.Get("Location"))
	if err != nil {
		return err
	}
	return drained(resp, http.StatusOK, "GET after POST "+path)
}

// drained reads resp to the end and closes it, as a browser would, and is
// an error unless resp has status want.
func drained(resp *http.Response, want int, what string) error {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != want {
		return fmt.Errorf("%s: status %d", what, resp.StatusCode)
	}
	return nil
}

// BenchmarkCreateVsBare creates entries as 8 browsers do (POST, then the
// redirected page: "browser") and as the older harness did (POST only:
// "post") over loopback, in leadup and in the bare server, in the same run.
//
//	go test ./internal/server -run '^$' -bench CreateVsBare -benchtime 2000x
func BenchmarkCreateVsBare(b *testing.B) {
	const clients = 8
	notes := strings.Repeat("Notes line. ", 40)
	day := time.Now().UTC().AddDate(0, 0, -1).Format("2006-01-02")
	for _, follow := range []bool{true, false} {
		mode := map[bool]string{true: "browser", false: "post"}[follow]
		b.Run("leadup/"+mode, func(b *testing.B) {
			app := newTestApp(b)
			var cs [clients]*client
			var forms [clients]string
			for i := range cs {
				cs[i] = app.client()
				cs[i].signup(fmt.Sprintf("bench%d@example.com", i))
				boss := strings.TrimPrefix(cs[i].post("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}).header.Get("Location"), "/bosses/")
				forms[i] = entryForm("boss_id", boss, "occurred_on", day, "summary", "Benchmark 1:1", "notes", notes).Encode()
			}
			b.ResetTimer()
			runClients(b, clients, func(i int) error { return postAndFollow(cs[i].hc, app.ts.URL, "/entries", forms[i], follow) })
		})
		b.Run("bare/"+mode, func(b *testing.B) {
			ts := bareCreateServer(b)
			hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			form := url.Values{"occurred_on": {day}, "summary": {"Benchmark 1:1"}, "notes": {notes}}.Encode()
			b.ResetTimer()
			runClients(b, clients, func(int) error { return postAndFollow(hc, ts.URL, "/e", form, follow) })
		})
	}
}
