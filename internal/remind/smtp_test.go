package remind

import (
	"strconv"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/mailer"
	"github.com/leadup/leadup/internal/smtptest"
)

// received and relay name the shared loopback relay in this package's tests.
type received = smtptest.Received

type relay struct{ *smtptest.Relay }

func startRelay(t *testing.T, starttls bool) *relay { return &relay{smtptest.Start(t, starttls)} }

func (r *relay) messages() []received      { return r.Messages() }
func (r *relay) setFail(err error)         { r.SetFail(err) }
func (r *relay) mailConfig() mailer.Config { return r.MailConfig() }

// contains fails the test unless s holds every sub.
func contains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}

func itoaTest(n int64) string { return strconv.FormatInt(n, 10) }
