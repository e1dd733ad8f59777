package server

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/server/pages"
)

// TestTestMailHidesRelay: when the relay refuses the test mail, the page
// says so in plain words, with the relay's reply code, but never its host,
// port or raw words; the log keeps them.
func TestTestMailHidesRelay(t *testing.T) {
	app, c := newAnnApp(t)
	relay := app.withRelay()
	var log bytes.Buffer
	app.srv.Log = slog.New(slog.NewTextHandler(&log, nil))
	relay.SetFail(errors.New("mailbox busy at relay-7"))
	cfg := relay.MailConfig()
	port := itoa(cfg.Port)

	r := c.post("/settings/notifications/test", nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "The test mail was not sent.", "(reply 4", "in its log")
	for _, secret := range []string{cfg.Host + ":" + port, ":" + port, "mailbox busy", "relay-7"} {
		if strings.Contains(r.body, secret) {
			t.Errorf("the page shows the relay's %q", secret)
		}
	}
	contains(t, "log", log.String(), cfg.Host+":"+port, "mailbox busy at relay-7")
}

// TestTestMailThrottled: one user gets TestMailsPerUser test mails in ten
// minutes, then a 429 that says why; another user is not held up by it.
func TestTestMailThrottled(t *testing.T) {
	app, c := newAnnApp(t)
	bob := app.signedUp("bob@example.com") // before mail is on: at once
	box := &outbox{}
	app.withMail(box)
	for i := range pages.TestMailsPerUser {
		r := c.post("/settings/notifications/test", nil)
		if r.status != http.StatusOK || !strings.Contains(r.body, "A test mail is on its way") {
			t.Fatalf("test mail %d: status %d\n%.400s", i+1, r.status, r.body)
		}
	}
	r := c.post("/settings/notifications/test", nil)
	wantStatus(t, r, http.StatusTooManyRequests)
	wantBody(t, r, "You asked for 3 test mails in the last 10 minutes", "Wait a few minutes", `name="weekly_review"`)
	if r.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	if len(box.msgs) != pages.TestMailsPerUser {
		t.Errorf("%d test mails sent, want %d", len(box.msgs), pages.TestMailsPerUser)
	}
	wantStatus(t, bob.post("/settings/notifications/test", url.Values{}), http.StatusOK)
}
