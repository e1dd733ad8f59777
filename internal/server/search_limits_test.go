package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

func TestSearchBounded(t *testing.T) {
	_, c := newAnnApp(t)
	words := strings.TrimSpace(strings.Repeat("a ", journal.MaxSearchTerms))
	wantStatus(t, c.get("/entries?q="+url.QueryEscape(words)), http.StatusOK)

	r := c.get("/entries?q=" + url.QueryEscape(words+" b"))
	wantStatus(t, r, http.StatusBadRequest)
	wantBody(t, r, "at most 10 words", `value="`+words+` b"`)

	r = c.get("/entries?q=" + url.QueryEscape(strings.Repeat("x", journal.MaxSearchChars+1)))
	wantStatus(t, r, http.StatusBadRequest)
	wantBody(t, r, "at most 200 characters")

	// The review's attack: 8,000 one-letter words.
	wantStatus(t, c.get("/entries?q="+url.QueryEscape(strings.Repeat("a ", 8000))), http.StatusBadRequest)
}

// TestHealthzWhileReadPoolBusy holds every connection of the read pool, as
// four slow searches would, and /healthz must still answer.
func TestHealthzWhileReadPoolBusy(t *testing.T) {
	app := newTestApp(t)
	ctx := context.Background()
	n := app.db.Reader().Stats().MaxOpenConnections
	for range n {
		conn, err := app.db.Reader().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
	}
	if got := app.db.Reader().Stats().InUse; got != n {
		t.Fatalf("%d of %d read connections held", got, n)
	}
	hc := &http.Client{Timeout: 5 * time.Second} // a bound on failure, not a timing assertion
	resp, err := hc.Get(app.ts.URL + "/healthz")
	if err != nil {
		t.Fatalf("/healthz with the read pool busy: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz: status %d", resp.StatusCode)
	}
}

// TestRequestDeadlineStopsDatabaseWork gives requests a deadline that has
// passed before any query starts: the database work must stop with a 503
// rather than run unbounded.
func TestRequestDeadlineStopsDatabaseWork(t *testing.T) {
	app := newTestApp(t, func(c *Config) {
		c.Signup = SignupFirst // the sign-up page counts users, a query
		c.RequestTimeout = time.Nanosecond
	})
	r := app.client().get("/signup")
	wantStatus(t, r, http.StatusServiceUnavailable)
	wantBody(t, r, "took too long")
	wantStatus(t, app.client().get("/healthz"), http.StatusOK)
}
