package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/mailer"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/smtptest"
)

// withRelay turns mail on for the app, through a real SMTP relay on
// loopback; links in mail point at the app itself.
func (a *testApp) withRelay() *smtptest.Relay {
	a.t.Helper()
	relay := smtptest.Start(a.t, false)
	r, err := remind.New(core.New(a.db), mailer.New(relay.MailConfig()), a.ts.URL, a.srv.Cfg.Languages, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		a.t.Fatal(err)
	}
	a.srv.Cfg.Reminders = r
	return relay
}

// signupForm is the sign-up form a browser posts with mail on: no password.
func signupForm(email string) url.Values {
	return url.Values{"email": {email}, "display_name": {"Bea Example"}, "timezone": {"Europe/Berlin"}}
}

// finishForm is the form of the page a sign-up link opens.
func finishForm(pw string) url.Values {
	return url.Values{"password": {pw}, "display_name": {"Bea Example"}, "timezone": {"Europe/Berlin"}}
}

var signupLinkRE = regexp.MustCompile(`/signup/verify/[A-Za-z0-9_.-]+`)

// mailTo returns the one message the relay got for addr, once the mails
// sent after their answers are out.
func (a *testApp) mailTo(t *testing.T, relay *smtptest.Relay, addr string) smtptest.Received {
	t.Helper()
	found := a.mailsTo(relay, addr)
	if len(found) != 1 {
		t.Fatalf("%d mails to %s, want 1", len(found), addr)
	}
	return found[0]
}

// mailsTo returns every message the relay got for addr, once the mails
// sent after their answers are out.
func (a *testApp) mailsTo(relay *smtptest.Relay, addr string) []smtptest.Received {
	a.srv.WaitMail()
	var found []smtptest.Received
	for _, m := range relay.Messages() {
		if len(m.To) == 1 && m.To[0] == addr {
			found = append(found, m)
		}
	}
	return found
}

// signupLink is the path of the link in a sign-up mail.
func signupLink(t *testing.T, m smtptest.Received) string {
	t.Helper()
	link := signupLinkRE.FindString(m.Text)
	if link == "" || !strings.Contains(m.HTML, link) {
		t.Fatalf("no sign-up link in both parts of the mail:\n%s\n%s", m.Text, m.HTML)
	}
	return link
}

// sameAnswer fails unless two responses are the same bytes a browser sees.
func sameAnswer(t *testing.T, a, b *response) {
	t.Helper()
	if a.status != b.status || a.body != b.body {
		t.Errorf("answers differ: %d vs %d\n%s\n---\n%s", a.status, b.status, a.body, b.body)
	}
	for _, h := range []string{"Location", "Set-Cookie", "Content-Type", "Content-Length", "Retry-After"} {
		if a.header.Get(h) != b.header.Get(h) {
			t.Errorf("header %s differs: %q vs %q", h, a.header.Get(h), b.header.Get(h))
		}
	}
}

// TestSignupByMailSameAnswer: with mail on and sign-up open, a new email
// and one with an account get the same answer and a different mail, and
// nothing reaches users.
func TestSignupByMailSameAnswer(t *testing.T) {
	app := newTestApp(t)
	app.client().signup("ann@example.com") // before mail is on: at once
	relay := app.withRelay()

	fresh := app.client().post("/signup", signupForm("bea@example.com"))
	known := app.client().post("/signup", signupForm("Ann@Example.com"))
	wantStatus(t, fresh, http.StatusSeeOther)
	if loc := fresh.header.Get("Location"); loc != "/signup/sent" {
		t.Errorf("Location %q, want /signup/sent", loc)
	}
	sameAnswer(t, fresh, known)
	if fresh.header.Get("Set-Cookie") != "" {
		t.Error("the answer signs someone in before the link is followed")
	}
	sent := app.client().get("/signup/sent")
	wantStatus(t, sent, http.StatusOK)
	wantBody(t, sent, "Check your mail")

	if n := app.count("users"); n != 1 {
		t.Errorf("%d users before any link was followed, want 1", n)
	}
	if n := app.count("pending_signups"); n != 1 {
		t.Errorf("%d pending sign-ups, want 1", n)
	}

	link := app.mailTo(t, relay, "bea@example.com")
	contains(t, "link mail subject", link.Subject, "Finish creating your leadup account")
	contains(t, "link mail", link.Text, "Hello,", "24 hours", "choose your password")
	path := signupLink(t, link)
	var tokenHash []byte
	if err := app.db.Reader().QueryRow("SELECT token_hash FROM pending_signups").Scan(&tokenHash); err != nil {
		t.Fatal(err)
	}
	random, _, _ := strings.Cut(strings.TrimPrefix(path, "/signup/verify/"), ".")
	if !bytes.Equal(tokenHash, auth.HashToken(random)) {
		t.Errorf("the pending sign-up is kept under %x, want the SHA-256 of the link's token", tokenHash)
	}

	taken := app.mailTo(t, relay, "ann@example.com")
	contains(t, "taken mail subject", taken.Subject, "Someone tried to sign up")
	contains(t, "taken mail", taken.Text, "You already have an account", "/login")
	if signupLinkRE.MatchString(taken.Text) {
		t.Error("the owner's mail holds a sign-up link")
	}
	if app.srv.WaitMail(); len(relay.Messages()) != 2 {
		t.Errorf("%d mails, want 2", len(relay.Messages()))
	}
	// The owner's account did not change: the old password still works.
	wantStatus(t, app.client().login("ann@example.com", "correct horse battery"), http.StatusSeeOther)
}

// TestSignupByMailNoProbeThrottle: the "already has an account" ration
// would itself tell which emails have accounts, so with mail it is not
// applied; the per-address sign-up limit holds for all alike.
func TestSignupByMailNoProbeThrottle(t *testing.T) {
	app := newTestApp(t)
	app.client().signup("ann@example.com")
	app.withRelay()
	for i := range auth.SignupTakenPerIP + 2 {
		r := app.client().post("/signup", signupForm("ann@example.com"))
		if r.status != http.StatusSeeOther {
			t.Fatalf("probe %d: status %d, want 303 like a new email", i+1, r.status)
		}
	}
}

// TestSignupLinkCreatesAccount follows the mailed link: the GET only asks,
// the POST creates the account and signs in, and the link works once.
func TestSignupLinkCreatesAccount(t *testing.T) {
	app := newTestApp(t)
	relay := app.withRelay()
	c := app.client()
	wantStatus(t, c.post("/signup", signupForm("bea@example.com")), http.StatusSeeOther)
	path := signupLink(t, app.mailTo(t, relay, "bea@example.com"))

	confirm := c.get(path)
	wantStatus(t, confirm, http.StatusOK)
	wantBody(t, confirm, "bea@example.com", `action="`+path+`"`, `name="password"`, `autocomplete="new-password"`,
		`value="Bea Example"`, `value="Europe/Berlin"`, "Create my account")
	if app.count("users") != 0 || app.count("pending_signups") != 1 {
		t.Fatal("opening the link changed something")
	}

	done := c.post(path, finishForm("correct horse battery"))
	wantStatus(t, done, http.StatusSeeOther)
	if loc := done.header.Get("Location"); loc != "/" {
		t.Errorf("Location %q, want /", loc)
	}
	if c.sessionCookie() == nil {
		t.Fatal("no session after confirming")
	}
	home := c.get("/")
	wantStatus(t, home, http.StatusOK)
	wantBody(t, home, "Welcome to leadup. Your account is ready.")
	u := app.user("bea@example.com")
	if u.DisplayName != "Bea Example" || u.TimeZone != "Europe/Berlin" {
		t.Errorf("account %+v", u)
	}
	if app.count("pending_signups") != 0 {
		t.Error("the used sign-up is still kept")
	}
	wantStatus(t, app.client().login("bea@example.com", "correct horse battery"), http.StatusSeeOther)

	for _, again := range []*response{app.client().get(path), app.client().post(path, finishForm("correct horse battery"))} {
		wantStatus(t, again, http.StatusGone)
		wantBody(t, again, "This sign-up link does not work", "used already")
	}
	if app.count("users") != 1 {
		t.Errorf("%d users, want 1", app.count("users"))
	}
}

// TestSignupLinkRefused: a tampered, truncated or expired link creates
// nothing and says why.
func TestSignupLinkRefused(t *testing.T) {
	app := newTestApp(t)
	relay := app.withRelay()
	wantStatus(t, app.client().post("/signup", signupForm("bea@example.com")), http.StatusSeeOther)
	path := signupLink(t, app.mailTo(t, relay, "bea@example.com"))
	random, tag, _ := strings.Cut(strings.TrimPrefix(path, "/signup/verify/"), ".")
	flip := func(s string) string {
		b := []byte(s)
		if b[0] == 'A' {
			b[0] = 'B'
		} else {
			b[0] = 'A'
		}
		return string(b)
	}
	for name, bad := range map[string]string{
		"tag changed":    "/signup/verify/" + random + "." + flip(tag),
		"token changed":  "/signup/verify/" + flip(random) + "." + tag,
		"tag missing":    "/signup/verify/" + random,
		"truncated":      path[:len(path)-5],
		"another secret": "/signup/verify/" + random + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	} {
		for _, r := range []*response{app.client().get(bad), app.client().post(bad, finishForm("correct horse battery"))} {
			if r.status != http.StatusNotFound || !strings.Contains(r.body, "not a valid sign-up link") {
				t.Errorf("%s: status %d, want 404 with the reason\n%.500s", name, r.status, r.body)
			}
		}
	}

	now := time.Now()
	app.setNow(now.Add(journal.SignupLinkLifetime + time.Minute))
	for _, r := range []*response{app.client().get(path), app.client().post(path, finishForm("correct horse battery"))} {
		wantStatus(t, r, http.StatusGone)
		wantBody(t, r, "has expired")
	}
	if n := app.count("users"); n != 0 {
		t.Errorf("%d users after refused links, want 0", n)
	}
	// The next sign-up drops the expired one.
	wantStatus(t, app.client().post("/signup", signupForm("cy@example.com")), http.StatusSeeOther)
	var emails string
	if err := app.db.Reader().QueryRow("SELECT group_concat(email) FROM pending_signups").Scan(&emails); err != nil || emails != "cy@example.com" {
		t.Errorf("pending sign-ups %q (%v), want only cy@example.com", emails, err)
	}
}

// TestSignupByMailRelayDown: the answer does not wait for the mail, so a
// relay that refuses changes nothing in it, for either kind of address;
// the log keeps the relay's words, and the address may ask again at once.
func TestSignupByMailRelayDown(t *testing.T) {
	app := newTestApp(t)
	app.client().signup("ann@example.com")
	relay := app.withRelay()
	var log bytes.Buffer
	app.srv.Log = slog.New(slog.NewTextHandler(&log, nil))
	relay.SetFail(errors.New("mailbox busy"))
	fresh := app.client().post("/signup", signupForm("bea@example.com"))
	known := app.client().post("/signup", signupForm("ann@example.com"))
	wantStatus(t, fresh, http.StatusSeeOther)
	sameAnswer(t, fresh, known)
	app.srv.WaitMail()
	contains(t, "log", log.String(), "sign-up mail not sent", "mailbox busy")
	if n := app.count("pending_signups") + app.count("signup_mails"); n != 0 {
		t.Errorf("%d rows kept for mails that were not sent, want 0", n)
	}

	relay.SetFail(nil)
	wantStatus(t, app.client().post("/signup", signupForm("bea@example.com")), http.StatusSeeOther)
	signupLink(t, app.mailTo(t, relay, "bea@example.com"))
}

// TestSignupFirstWithMail: the first account of `first` is made at once
// even with mail on, and no mail goes out.
func TestSignupFirstWithMail(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.Signup = SignupFirst })
	relay := app.withRelay()
	c := app.signedUp("ann@example.com")
	if c.sessionCookie() == nil || app.count("users") != 1 {
		t.Fatal("the first account was not made at once")
	}
	if n := len(relay.Messages()); n != 0 {
		t.Errorf("%d mails for the first account, want none", n)
	}
	wantStatus(t, app.client().post("/signup", signupForm("bea@example.com")), http.StatusForbidden)
}

// BenchmarkSignupByMail times the three answers of an open sign-up with
// mail, with a relay on loopback: a new address (a link is mailed), an
// address with an account (a note is mailed) and an address mailed a moment
// ago (nothing is sent). It takes turns, so that the machine's load falls
// on all alike, and reports each one's median; they should be close, so that
// timing does not tell the cases apart.
func BenchmarkSignupByMail(b *testing.B) {
	app := newTestApp(b, func(c *Config) { c.LoginPerIP = 1 << 30 })
	if _, err := app.db.CreateUser(context.Background(), journal.Signup{Email: "ann@example.com", DisplayName: "Ann", TimeZone: "UTC"}, "x"); err != nil {
		b.Fatal(err)
	}
	app.withRelay()
	c := app.client()
	now := time.Now()
	app.useClock(func() time.Time { return now })
	// The server's own time to answer: from the request to its status
	// line, which the client here, sharing the CPU with the mail sent
	// after the answer, does not see alone.
	var toAnswer atomic.Int64
	app.ts.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		app.srv.ServeHTTP(&answerTimer{ResponseWriter: w, start: time.Now(), took: &toAnswer}, r)
	})
	var spent, server [3][]time.Duration
	timed := func(i int, email string) {
		// The mail of the turn before goes out first, so that it does not
		// slow down whichever answer comes next.
		app.srv.WaitMail()
		start := time.Now()
		if r := c.post("/signup", signupForm(email)); r.status != http.StatusSeeOther {
			b.Fatalf("status %d", r.status)
		}
		spent[i] = append(spent[i], time.Since(start))
		server[i] = append(server[i], time.Duration(toAnswer.Load()))
	}
	n := 0
	for b.Loop() {
		n++
		// A day on, every address may be mailed again.
		now = now.Add(24*time.Hour + journal.SignupMailGap)
		c.post("/signup", signupForm("held@example.com"))
		// The three take turns at going first.
		for k := range 3 {
			switch (n + k) % 3 {
			case 0:
				timed(0, "u"+itoa(n)+"@example.com")
			case 1:
				timed(1, "ann@example.com")
			case 2:
				timed(2, "held@example.com")
			}
		}
	}
	app.srv.WaitMail()
	// Medians: the machine is shared, and a mean follows its worst moments.
	for i, what := range []string{"new", "known", "held"} {
		slices.Sort(spent[i])
		slices.Sort(server[i])
		b.ReportMetric(float64(spent[i][len(spent[i])/2].Microseconds()), what+"-µs-p50")
		b.ReportMetric(float64(server[i][len(server[i])/2].Microseconds()), what+"-server-µs-p50")
	}
}

// answerTimer notes how long a handler took to write its status line.
type answerTimer struct {
	http.ResponseWriter
	start time.Time
	took  *atomic.Int64
}

func (a *answerTimer) WriteHeader(code int) {
	a.took.Store(int64(time.Since(a.start)))
	a.ResponseWriter.WriteHeader(code)
}

func (a *answerTimer) Unwrap() http.ResponseWriter { return a.ResponseWriter }

func realHasher() *password.Hasher { return password.NewHasher(password.Default) }

// contains fails the test unless s holds every sub.
func contains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}
