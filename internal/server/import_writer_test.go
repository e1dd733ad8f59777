package server

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/server/pages"
)

// The database has one writer. These tests hold an import's upload open
// over a real loopback connection and check that nobody else's writes
// wait for it, and that a client that goes away is the client's error.

// uploadBoundary separates the parts of the hand-written uploads here.
const uploadBoundary = "leadup-test-boundary"

// uploadHead is the start of a multipart upload of file as "file", cut
// just after the opening of its "bosses" array (where more white space
// may follow), and the rest of the upload.
func uploadHead(t testing.TB, file string) (head, rest string) {
	t.Helper()
	i := strings.Index(file, `"bosses":[`)
	if i < 0 {
		t.Fatalf("no bosses array in %.200s", file)
	}
	cut := i + len(`"bosses":[`)
	pre := "--" + uploadBoundary + "\r\n" +
		`Content-Disposition: form-data; name="file"; filename="export.json"` + "\r\n" +
		"Content-Type: application/json\r\n\r\n"
	return pre + file[:cut], file[cut:] + "\r\n--" + uploadBoundary + "--\r\n"
}

// watchedApp is a test app whose server logs to logs and tells, by
// closing reading, when an upload's body is asked for bytes past its
// first after bytes: the handler has read the head and waits for more.
// served is closed when that request has been answered and logged.
type watchedApp struct {
	*testApp
	logs    *syncBuffer
	reading chan struct{}
	served  chan struct{}
}

func newWatchedApp(t testing.TB, after int) *watchedApp {
	t.Helper()
	db := openTestDB(t)
	cfg := DefaultConfig()
	cfg.Signup = SignupOpen
	w := &watchedApp{logs: &syncBuffer{}, reading: make(chan struct{}), served: make(chan struct{})}
	srv := New(core.New(db), password.NewHasher(fastHash), slog.New(slog.NewTextHandler(w.logs, nil)), cfg)
	var once sync.Once
	ts := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/import" {
			srv.ServeHTTP(rw, r)
			return
		}
		r.Body = &watchedBody{ReadCloser: r.Body, after: int64(after), reached: func() { once.Do(func() { close(w.reading) }) }}
		srv.ServeHTTP(rw, r)
		close(w.served)
	}))
	t.Cleanup(func() { ts.Close(); db.Close() })
	w.testApp = &testApp{t: t, db: db, srv: srv, ts: ts, clock: time.Now}
	return w
}

// watchedBody calls reached on the first Read after its first after bytes.
type watchedBody struct {
	io.ReadCloser
	after, n int64
	reached  func()
}

func (b *watchedBody) Read(p []byte) (int, error) {
	if b.n >= b.after {
		b.reached()
	}
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	return n, err
}

// waitFor waits for ch, failing the test rather than hanging if it never
// comes: not a measure of speed.
func waitFor(t testing.TB, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(time.Minute):
		t.Fatalf("gave up waiting: %s", what)
	}
}

// TestImportTrickleHoldsNoWriter sends an import's part header and first
// bytes, then a byte at a time, and while the upload is still open
// another user signs in and saves an entry: both writes finish before
// the upload does. Then the upload ends and imports whole.
func TestImportTrickleHoldsNoWriter(t *testing.T) {
	_, ann := exportApp(t)
	file := ann.get("/export.json").body
	head, rest := uploadHead(t, file)

	app := newWatchedApp(t, len(head))
	importer := app.signedUp("slow@example.com")
	app.signedUp("other@example.com")

	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, app.ts.URL+"/import", pr)
	req.Header.Set("Content-Type", "multipart/form-data; boundary="+uploadBoundary)
	imported := make(chan *response, 1)
	go func() {
		resp, err := importer.hc.Do(req)
		if err != nil {
			imported <- &response{body: err.Error()}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		imported <- &response{status: resp.StatusCode, header: resp.Header, body: string(b)}
	}()
	if _, err := io.WriteString(pw, head); err != nil {
		t.Fatal(err)
	}
	waitFor(t, app.reading, "the server to read the upload's head")

	// A byte at a time while the other user works: white space, which the
	// JSON allows where the head was cut.
	stopTrickle := make(chan struct{})
	trickled := make(chan struct{})
	go func() {
		defer close(trickled)
		for {
			select {
			case <-stopTrickle:
				return
			case <-time.After(20 * time.Millisecond):
				if _, err := io.WriteString(pw, " "); err != nil {
					return
				}
			}
		}
	}()

	var order []string
	var mu sync.Mutex
	event := func(e string) { mu.Lock(); order = append(order, e); mu.Unlock() }
	var signIn, save int
	otherDone := make(chan struct{})
	go func() {
		defer close(otherDone)
		other := app.client()
		signIn = postForm(other, "/login", url.Values{"email": {"other@example.com"}, "password": {"correct horse battery"}})
		save = postForm(other, "/entries", entryForm("new_boss_name", "Olga", "summary", "Saved during a slow import"))
		event("other user's writes done")
	}()
	// Only a way out for the old, blocking code, so that the test can end
	// and report the order: nothing here depends on how fast anything is.
	select {
	case <-otherDone:
	case <-time.After(10 * time.Second):
	}
	close(stopTrickle)
	<-trickled
	event("upload finished")
	if _, err := io.WriteString(pw, rest); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	r := <-imported
	waitFor(t, otherDone, "the other user's writes")

	if len(order) != 2 || order[0] != "other user's writes done" {
		t.Errorf("order %q: the other user's writes waited for the upload to end", order)
	}
	if signIn != http.StatusSeeOther || save != http.StatusSeeOther {
		t.Errorf("other user: sign-in %d, save %d, want 303 and 303", signIn, save)
	}
	if r.status != http.StatusSeeOther {
		t.Fatalf("import: status %d, want 303\n%.600s", r.status, r.body)
	}
	if got, want := app.rowsOf("entries", "slow@example.com"), 2; got != want {
		t.Errorf("imported %d entries, want %d", got, want)
	}
	if got := app.rowsOf("entries", "other@example.com"); got != 1 {
		t.Errorf("other user has %d entries, want 1", got)
	}
}

// TestImportClientGone starts an upload on a raw connection and drops the
// connection partway (closed, or reset): the request is logged as the
// client's error (4xx), never as the server's, and nothing is imported.
func TestImportClientGone(t *testing.T) {
	_, ann := exportApp(t)
	head, _ := uploadHead(t, ann.get("/export.json").body)
	for _, reset := range []bool{false, true} {
		name := map[bool]string{false: "closed", true: "reset"}[reset]
		t.Run(name, func(t *testing.T) {
			app := newWatchedApp(t, len(head))
			c := app.signedUp("gone@example.com")
			addr := strings.TrimPrefix(app.ts.URL, "http://")
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			ck := c.sessionCookie()
			fmt.Fprintf(conn, "POST /import HTTP/1.1\r\nHost: %s\r\nCookie: %s=%s\r\nContent-Type: multipart/form-data; boundary=%s\r\nContent-Length: %d\r\n\r\n%s",
				addr, ck.Name, ck.Value, uploadBoundary, len(head)+10_000, head)
			waitFor(t, app.reading, "the server to read the upload's head")
			if reset {
				conn.(*net.TCPConn).SetLinger(0) // close with a reset, not a goodbye
			}
			conn.Close()
			waitFor(t, app.served, "the import to be answered")

			logs := app.logs.String()
			m := regexp.MustCompile(`msg=request method=POST route=/import status=(\d+)`).FindStringSubmatch(logs)
			if m == nil {
				t.Fatalf("no request line for the import in the log:\n%s", logs)
			}
			if m[1] < "400" || m[1] >= "500" {
				t.Errorf("import logged with status %s, want a 4xx:\n%s", m[1], logs)
			}
			if strings.Contains(logs, "level=ERROR") {
				t.Errorf("the log has an error:\n%s", logs)
			}
			if n := app.rowsOf("bosses", "gone@example.com"); n != 0 {
				t.Errorf("%d bosses imported from a cut upload", n)
			}
		})
	}
}

// TestImportIndexesForSearch imports a journal into an account that
// already has entries (so new ids follow others) and finds the imported
// entries by their summary, their notes and their follow-ups' text: the
// batches put each entry in the search index whole, follow-ups included.
func TestImportIndexesForSearch(t *testing.T) {
	_, ann := exportApp(t)
	file := []byte(ann.get("/export.json").body)
	app := newTestApp(t)
	bob := app.signedUp("bob@example.com")
	bob.createdID("/entries", entryForm("new_boss_name", "Zed", "summary", "Bob's own entry"), "/entries/")
	wantStatus(t, bob.upload(file), http.StatusSeeOther)
	for _, q := range []string{"Skip-level", "single", "deck", "budget"} {
		r := bob.get("/entries?q=" + url.QueryEscape(q))
		wantStatus(t, r, http.StatusOK)
		if !strings.Contains(r.body, "Skip-level chat") && !strings.Contains(r.body, " /C calc") {
			t.Errorf("search %q found no imported entry:\n%.1500s", q, r.body)
		}
	}
	if r := bob.get("/entries?q=zebra"); strings.Contains(r.body, "Skip-level chat") || strings.Contains(r.body, " /C calc") {
		t.Errorf("a search for a word in no entry listed imported entries")
	}
	// Once more: nothing new.
	r := bob.upload(file)
	wantStatus(t, r, http.StatusSeeOther)
	if got := app.rowsOf("entries", "bob@example.com"); got != 3 {
		t.Errorf("bob has %d entries after importing twice, want 3", got)
	}
}

// TestImportAllOrNothingAcrossBatches imports a file whose last entry
// names a boss that is nowhere: the entries before it, written in earlier
// batches, are undone with it, and the page says nothing was imported.
func TestImportAllOrNothingAcrossBatches(t *testing.T) {
	var f map[string]any
	if err := json.Unmarshal(seededExport(t, 600), &f); err != nil {
		t.Fatal(err)
	}
	entries := f["entries"].([]any)
	last := len(entries) - 1
	entries[last].(map[string]any)["boss_id"] = "00000000-0000-4000-8000-00000000dead"
	file, _ := json.Marshal(f)

	app := newTestApp(t)
	c := app.signedUp("ann@example.com")
	r := c.upload(file)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Nothing was imported.", fmt.Sprintf("entries[%d]", last))
	for _, table := range []string{"bosses", "priorities", "entries", "entry_practices", "followups"} {
		if n := app.rowsOf(table, "ann@example.com"); n != 0 {
			t.Errorf("%d rows in %s after a refused import", n, table)
		}
	}
}

// TestImportFromSpoolFile imports uploads larger than what is kept in
// memory, read back from their file: a good one imports whole, one with a
// dangling reference imports nothing.
func TestImportFromSpoolFile(t *testing.T) {
	old := pages.ImportMemoryLimit
	pages.ImportMemoryLimit = 64
	t.Cleanup(func() { pages.ImportMemoryLimit = old })
	_, ann := exportApp(t)
	good := ann.get("/export.json").body
	app := newTestApp(t)
	bob := app.signedUp("bob@example.com")
	bad := strings.Replace(good, `"boss_id":"`, `"boss_id":"00000000-0000-4000-8000-00000000dead", "was":"`, 1)
	if bad == good {
		t.Fatal("no boss_id in the export")
	}
	wantImportRefused(t, app, bob, []byte(bad), ".boss_id: no boss has the id")
	wantStatus(t, bob.upload([]byte(good)), http.StatusSeeOther)
	if got := app.rowsOf("entries", "bob@example.com"); got != 2 {
		t.Errorf("imported %d entries, want 2", got)
	}
}
