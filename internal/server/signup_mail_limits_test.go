package server

import (
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// behindProxy makes loopback a trusted proxy, so that a test can name the
// client in X-Forwarded-For as a real proxy would.
func behindProxy(c *Config) {
	c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
}

// from posts the sign-up form for email as the client at ip.
func (a *testApp) signupFrom(ip, email string) *response {
	return a.client().post("/signup", signupForm(email), "X-Forwarded-For", ip)
}

// TestSignupMailFortyClients: 40 client addresses asking, each as often as
// its own limit lets it, for a minute, get one mail sent to a new address
// and one to an address with an account; over a day each gets at most
// journal.SignupMailsPerDay, and every answer is the same redirect.
func TestSignupMailFortyClients(t *testing.T) {
	app := newTestApp(t, behindProxy)
	app.client().signup("ann@example.com")
	relay := app.withRelay()
	now := time.Now()
	app.useClock(func() time.Time { return now })

	answers := map[int]int{}
	for second := range 60 {
		app.srv.WaitMail() // the mail goroutines read the clock this moves
		now = now.Add(time.Second)
		for client := range 40 {
			ip := fmt.Sprintf("203.0.113.%d", client+1)
			answers[app.signupFrom(ip, "bea@example.com").status]++
			if second%3 == 0 {
				answers[app.signupFrom(ip, "ann@example.com").status]++
			}
		}
	}
	t.Logf("answers in 60 s from 40 clients: %v", answers)
	if answers[http.StatusSeeOther] == 0 || len(answers) > 2 || (len(answers) == 2 && answers[http.StatusTooManyRequests] == 0) {
		t.Errorf("answers %v, want 303 and, past each client's own limit, 429", answers)
	}
	for _, addr := range []string{"bea@example.com", "ann@example.com"} {
		if n := len(app.mailsTo(relay, addr)); n != 1 {
			t.Errorf("%d mails to %s in 60 s from 40 clients, want 1", n, addr)
		}
	}

	// The rest of the day: a fresh client every 10 minutes, for each
	// address, until 23 hours and 1 minute have passed since the first.
	for step := range 23 * 6 {
		app.srv.WaitMail()
		now = now.Add(journal.SignupMailGap)
		ip := fmt.Sprintf("198.51.100.%d", step+1)
		for _, addr := range []string{"bea@example.com", "ann@example.com"} {
			wantStatus(t, app.signupFrom(ip, addr), http.StatusSeeOther)
		}
	}
	for _, addr := range []string{"bea@example.com", "ann@example.com"} {
		if n := len(app.mailsTo(relay, addr)); n != journal.SignupMailsPerDay {
			t.Errorf("%d mails to %s in a day, want %d", n, addr, journal.SignupMailsPerDay)
		}
	}
	t.Logf("mails in 23 h: bea %d, ann %d", len(app.mailsTo(relay, "bea@example.com")), len(app.mailsTo(relay, "ann@example.com")))
}

// TestSignupMailOneLiveLink: a repeat within the gap sends nothing and the
// link sent still works; after the gap a new link is sent and the old one
// is retired.
func TestSignupMailOneLiveLink(t *testing.T) {
	app := newTestApp(t)
	relay := app.withRelay()
	now := time.Now()
	app.useClock(func() time.Time { return now })
	wantStatus(t, app.client().post("/signup", signupForm("bea@example.com")), http.StatusSeeOther)
	first := signupLink(t, app.mailTo(t, relay, "bea@example.com"))

	app.srv.WaitMail() // the mail goroutine reads the clock this moves
	now = now.Add(journal.SignupMailGap - time.Second)
	wantStatus(t, app.client().post("/signup", signupForm("bea@example.com")), http.StatusSeeOther)
	if n := len(app.mailsTo(relay, "bea@example.com")); n != 1 {
		t.Fatalf("%d mails after a repeat within the gap, want 1", n)
	}
	wantStatus(t, app.client().get(first), http.StatusOK)

	app.srv.WaitMail()
	now = now.Add(time.Second)
	wantStatus(t, app.client().post("/signup", signupForm("bea@example.com")), http.StatusSeeOther)
	mails := app.mailsTo(relay, "bea@example.com")
	if len(mails) != 2 {
		t.Fatalf("%d mails after the gap, want 2", len(mails))
	}
	second := signupLink(t, mails[1])
	wantStatus(t, app.client().get(first), http.StatusGone)
	wantStatus(t, app.client().get(second), http.StatusOK)
	if n := app.count("pending_signups"); n != 1 {
		t.Errorf("%d pending sign-ups for one address, want 1", n)
	}
}

// TestSignupMailSameAnswerAndWork: a mail sent to a new address, one sent
// to an account's owner and one held back get the same bytes, and the
// database does the same work for each: the same pages written to the WAL.
func TestSignupMailSameAnswerAndWork(t *testing.T) {
	app := newTestApp(t)
	app.client().signup("ann@example.com")
	relay := app.withRelay()
	now := time.Now()
	app.useClock(func() time.Time { return now })
	wal := walFile(t, app)
	// Warm up, so that every table and index has a page to write to.
	wantStatus(t, app.client().post("/signup", signupForm("warm@example.com")), http.StatusSeeOther)
	app.srv.WaitMail()

	cases := []struct{ name, email string }{
		{"new address, link sent", "bea@example.com"},
		{"known address, note sent", "ann@example.com"},
		{"new address, held back", "bea@example.com"},
		{"known address, held back", "ann@example.com"},
	}
	var first *response
	var firstGrowth int64
	for i, c := range cases {
		before := fileSize(t, wal)
		r := app.client().post("/signup", signupForm(c.email))
		growth := fileSize(t, wal) - before
		app.srv.WaitMail()
		t.Logf("%s: %d WAL bytes", c.name, growth)
		if i == 0 {
			first, firstGrowth = r, growth
			continue
		}
		sameAnswer(t, first, r)
		if growth != firstGrowth {
			t.Errorf("%s wrote %d WAL bytes, the first case %d: the work tells them apart", c.name, growth, firstGrowth)
		}
	}
	if n := len(relay.Messages()); n != 3 {
		t.Errorf("%d mails, want 3 (warm-up, link, note)", n)
	}
}

func walFile(t *testing.T, app *testApp) string {
	t.Helper()
	var seq int
	var name, file string
	if err := app.db.Reader().QueryRow("PRAGMA database_list").Scan(&seq, &name, &file); err != nil {
		t.Fatal(err)
	}
	return file + "-wal"
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestThrottleGroupsIPv6By64: the addresses of one IPv6 /64 share the
// per-client-address allowances of sign-in and sign-up; another /64 has
// its own.
func TestThrottleGroupsIPv6By64(t *testing.T) {
	app := newTestApp(t, behindProxy, func(c *Config) { c.LoginPerIP = 3; c.LoginPerEmail = 1000 })
	login := url.Values{"email": {"nobody@example.com"}, "password": {"wrong password here"}}
	for _, route := range []struct {
		path string
		form url.Values
		ok   int
	}{
		{"/login", login, http.StatusUnauthorized},
		{"/signup", url.Values{"email": {"x"}}, http.StatusUnprocessableEntity},
	} {
		for i := range 3 {
			ip := fmt.Sprintf("2001:db8:1:2::%x", i+1)
			wantStatus(t, app.client().post(route.path, route.form, "X-Forwarded-For", ip), route.ok)
		}
		r := app.client().post(route.path, route.form, "X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:ffff")
		if r.status != http.StatusTooManyRequests {
			t.Errorf("%s: a fourth address of the same /64 got %d, want 429", route.path, r.status)
		}
		wantStatus(t, app.client().post(route.path, route.form, "X-Forwarded-For", "2001:db8:1:3::1"), route.ok)
	}
}
