package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

func TestMailMisconfiguration(t *testing.T) {
	dir := t.TempDir()
	pwFile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwFile, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base := []string{"LEADUP_SMTP_HOST", "smtp.example.com", "LEADUP_SMTP_FROM", "leadup@example.com", "LEADUP_BASE_URL", "https://example.com/leadup/"}
	tests := []struct {
		name string
		env  []string
		want string
	}{
		{"no base URL", []string{"LEADUP_SMTP_HOST", "smtp.example.com", "LEADUP_SMTP_FROM", "leadup@example.com"}, "LEADUP_BASE_URL is not"},
		{"bad port", append(base, "LEADUP_SMTP_PORT", "smtp"), "LEADUP_SMTP_PORT"},
		{"bad TLS mode", append(base, "LEADUP_SMTP_TLS", "ssl"), "LEADUP_SMTP_TLS"},
		{"no sender", []string{"LEADUP_SMTP_HOST", "smtp.example.com", "LEADUP_BASE_URL", "https://example.com/"}, "LEADUP_SMTP_FROM"},
		{"sender without a domain", append(base, "LEADUP_SMTP_FROM", "leadup"), "LEADUP_SMTP_FROM"},
		{"sender with an open angle", append(base, "LEADUP_SMTP_FROM", "leadup <leadup@example.com"), "LEADUP_SMTP_FROM"},
		{"two senders", append(base, "LEADUP_SMTP_FROM", "a@example.com, b@example.com"), "LEADUP_SMTP_FROM"},
		{"sender with a line break", append(base, "LEADUP_SMTP_FROM", "leadup\n<leadup@example.com>"), "LEADUP_SMTP_FROM"},
		{"password in clear to a remote relay", append(base, "LEADUP_SMTP_TLS", "none", "LEADUP_SMTP_USERNAME", "u", "LEADUP_SMTP_PASSWORD_FILE", pwFile), "only over TLS"},
		{"missing password file", append(base, "LEADUP_SMTP_PASSWORD_FILE", filepath.Join(dir, "nope")), "LEADUP_SMTP_PASSWORD_FILE"},
		{"both passwords", append(base, "LEADUP_SMTP_PASSWORD_FILE", pwFile, "LEADUP_SMTP_PASSWORD", "x"), "not both"},
	}
	// A cancelled context and a loopback port: a setting that wrongly
	// passes makes serve stop at once instead of serving on.
	stopped, cancel := context.WithCancel(t.Context())
	cancel()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := append([]string{"LEADUP_ADDR", "127.0.0.1:0", "LEADUP_DB", filepath.Join(t.TempDir(), "leadup.db")}, tt.env...)
			err := run(stopped, []string{"serve"}, env(e...), nil, &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v, want one line mentioning %q", err, tt.want)
			}
		})
	}
	// Loopback may take credentials without TLS; a relay on the network
	// may take mail without credentials.
	for _, ok := range [][]string{
		append(base[2:], "LEADUP_SMTP_HOST", "127.0.0.1", "LEADUP_SMTP_TLS", "none", "LEADUP_SMTP_USERNAME", "u", "LEADUP_SMTP_PASSWORD", "p"),
		append(base, "LEADUP_SMTP_TLS", "none"),
		append(base, "LEADUP_SMTP_FROM", "leadup <leadup@example.com>"),
		append(base, "LEADUP_SMTP_FROM", `"Lead Up, the journal" <leadup@example.com>`),
	} {
		c, _, err := parseConfig("serve", nil, env(ok...), &bytes.Buffer{})
		if err != nil || c.SMTP.port != 587 {
			t.Errorf("%v: %v (port %d)", ok, err, c.SMTP.port)
		}
	}
}

// TestRemindCommand runs `leadup remind -at` twice against a relay that is
// not there: the first pass records the failure, the second sees the same
// record and does not try again before the backoff.
func TestRemindCommand(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "leadup.db")
	db, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC) }
	u, err := db.CreateUser(context.Background(), journal.Signup{Email: "ann@example.com", DisplayName: "Ann", TimeZone: "Europe/Berlin"}, "x")
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.CreateBoss(context.Background(), u.ID, journal.BossInput{Name: "Ana", Relation: "manager"})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := journal.ScheduleInput{Weekdays: []string{"1"}, Time: "10:00", DurationMin: "30", EveryWeeks: "1", StartsOn: "2020-01-06", Remind: true}.Validate()
	if err := db.SaveSchedule(context.Background(), u.ID, b.ID, s); err != nil {
		t.Fatal(err)
	}
	db.Close()

	closed := freeAddr(t)
	host, port, _ := strings.Cut(closed, ":")
	getenv := env("LEADUP_DB", dbPath, "LEADUP_SMTP_HOST", host, "LEADUP_SMTP_PORT", port, "LEADUP_SMTP_TLS", "none",
		"LEADUP_SMTP_FROM", "leadup@example.com", "LEADUP_BASE_URL", "https://example.com/")
	at := "2026-11-23T10:30:00+01:00" // a Monday's 1:1 has just ended
	var out bytes.Buffer
	if err := run(t.Context(), []string{"remind", "-at", at}, getenv, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 due, 0 sent, 0 skipped, 1 failed") {
		t.Errorf("first pass: %q", out.String())
	}
	out.Reset()
	if err := run(t.Context(), []string{"remind", "-at", at}, getenv, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "0 due, 0 sent, 0 skipped, 0 failed") {
		t.Errorf("second pass at the same minute: %q", out.String())
	}
	if err := run(t.Context(), []string{"remind", "-at", "yesterday"}, getenv, nil, &out, &bytes.Buffer{}); err == nil {
		t.Error("a malformed -at was accepted")
	}
	if err := run(t.Context(), []string{"remind"}, env("LEADUP_DB", dbPath), nil, &out, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "mail is off") {
		t.Errorf("remind with mail off: %v", err)
	}
}
