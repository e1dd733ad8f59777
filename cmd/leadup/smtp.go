package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/mail"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/mailer"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/sqlite"
)

// smtpConfig is how leadup reaches its mail relay; mail is off while Host
// is empty.
type smtpConfig struct {
	Host, Port, Username, Password, PasswordFile, From, TLS string

	port int // derived by validate
}

func (c *smtpConfig) flags(fs *flag.FlagSet, env func(key, def string) string) {
	fs.StringVar(&c.Host, "smtp-host", env("LEADUP_SMTP_HOST", ""), "SMTP relay host; mail is off when empty")
	fs.StringVar(&c.Port, "smtp-port", env("LEADUP_SMTP_PORT", "587"), "SMTP relay port")
	fs.StringVar(&c.Username, "smtp-username", env("LEADUP_SMTP_USERNAME", ""), "SMTP user name")
	fs.StringVar(&c.PasswordFile, "smtp-password-file", env("LEADUP_SMTP_PASSWORD_FILE", ""), "file holding the SMTP password")
	fs.StringVar(&c.Password, "smtp-password", env("LEADUP_SMTP_PASSWORD", ""), "SMTP password (prefer the file)")
	fs.StringVar(&c.From, "smtp-from", env("LEADUP_SMTP_FROM", ""), "sender address, such as leadup <leadup@example.com>")
	fs.StringVar(&c.TLS, "smtp-tls", env("LEADUP_SMTP_TLS", mailer.TLSStartTLS), "starttls, implicit or none")
}

// validate checks the relay settings; baseURL is LEADUP_BASE_URL, which
// links in mail need.
func (c *smtpConfig) validate(baseURL string) error {
	if c.Host == "" {
		return nil
	}
	if baseURL == "" {
		return errors.New("LEADUP_SMTP_HOST is set but LEADUP_BASE_URL is not: links in mail need the server's public URL")
	}
	p, err := strconv.Atoi(c.Port)
	if err != nil || p < 1 || p > 65535 {
		return fmt.Errorf("LEADUP_SMTP_PORT is %q; use a port number such as 587", c.Port)
	}
	c.port = p
	if c.TLS != mailer.TLSStartTLS && c.TLS != mailer.TLSImplicit && c.TLS != mailer.TLSNone {
		return fmt.Errorf("LEADUP_SMTP_TLS is %q; use starttls, implicit or none", c.TLS)
	}
	if c.From == "" {
		return errors.New("LEADUP_SMTP_FROM is empty; name the sender, such as leadup <leadup@example.com>")
	}
	// The relay would refuse a malformed sender only when the first mail
	// goes out, minutes or days later: read it as RFC 5322 now.
	if _, err := mail.ParseAddress(c.From); err != nil {
		return fmt.Errorf("LEADUP_SMTP_FROM is %q, which is not one mail address (%v); use a sender such as leadup <leadup@example.com>", c.From, err)
	}
	if c.PasswordFile != "" {
		if c.Password != "" {
			return errors.New("set LEADUP_SMTP_PASSWORD_FILE or LEADUP_SMTP_PASSWORD, not both")
		}
		b, err := os.ReadFile(c.PasswordFile)
		if err != nil {
			return fmt.Errorf("LEADUP_SMTP_PASSWORD_FILE: %w", err)
		}
		c.Password = strings.TrimRight(string(b), "\r\n")
	}
	if (c.Username != "" || c.Password != "") && c.TLS == mailer.TLSNone && !mailer.IsLoopback(c.Host) {
		return fmt.Errorf("LEADUP_SMTP_TLS is none but a password is set: leadup sends credentials to %s only over TLS; use starttls or implicit", c.Host)
	}
	return nil
}

func (c *smtpConfig) mailer() *mailer.Mailer {
	return mailer.New(mailer.Config{Host: c.Host, Port: c.port, Username: c.Username, Password: c.Password, From: c.From, TLS: c.TLS})
}

// runRemind runs one reminder pass and exits, for cron-only setups and
// for checking a setup. -at sets the clock of the whole pass.
func runRemind(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var at string
	cfg, _, err := parseConfig("remind", args, getenv, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&at, "at", "", "run the pass as if it were this time (RFC 3339)")
	})
	if err != nil {
		return err
	}
	if cfg.SMTP.Host == "" {
		return errors.New("mail is off: set LEADUP_SMTP_HOST (see the README) to send reminders")
	}
	db, err := sqlite.Open(ctx, cfg.DB, sqlite.WithProgress(cfg.logger(stderr)))
	if err != nil {
		return err
	}
	defer db.Close()
	if at != "" {
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			return usageError{fmt.Sprintf("-at %q is not an RFC 3339 time such as 2026-11-27T17:00:00+01:00", at)}
		}
		db.Now = func() time.Time { return t }
	}
	r, err := remind.New(core.New(db), cfg.SMTP.mailer(), cfg.BaseURL, cfg.languages, cfg.logger(stderr))
	if err != nil {
		return err
	}
	st, err := r.Pass(ctx, db.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "reminder pass at %s: %d due, %d sent, %d skipped, %d failed\n",
		db.Now().UTC().Format(time.RFC3339), st.Sources, st.Sent, st.Skipped, st.Failed)
	return nil
}
