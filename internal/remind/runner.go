// Package remind runs the reminder pass: it finds what is due, claims each
// reminder once, writes the mail and hands it to the relay.
package remind

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/mailer"
	"github.com/leadup/leadup/internal/signer"
)

// Sender hands a message to the relay; *mailer.Mailer is one.
type Sender interface {
	Send(ctx context.Context, msg mailer.Message) error
}

// Runner runs reminder passes.
type Runner struct {
	core    *core.Core
	send    Sender
	signer  signer.Signer
	baseURL string // like https://example.com/leadup, no trailing slash
	domain  string // for Message-IDs
	langs   *i18n.Catalog
	log     *slog.Logger
}

// New returns a Runner over the use cases c. baseURL is the public URL
// that links in mail use; langs are the messages mail is written from, in
// each recipient's language.
func New(c *core.Core, send Sender, baseURL string, langs *i18n.Catalog, log *slog.Logger) (*Runner, error) {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("reminders need a base URL, got %q", baseURL)
	}
	return &Runner{core: c, send: send, signer: signer.New(c.Secret()), baseURL: trimSlash(baseURL), domain: u.Hostname(), langs: langs, log: log}, nil
}

// Stats counts what one pass did.
type Stats struct {
	Sources int // schedules and settings that were due
	Sent    int
	Skipped int
	Failed  int
}

// Pass sends every reminder due at now that no pass has claimed. A
// reminder older than journal.CatchUpGrace is dropped; failed ones whose
// backoff is over are tried again while they are within that grace.
func (r *Runner) Pass(ctx context.Context, now time.Time) (Stats, error) {
	var st Stats
	sources, err := r.core.DueReminderSources(ctx, now)
	if err != nil {
		return st, err
	}
	st.Sources = len(sources)
	for _, src := range sources {
		// Look back over the whole grace window: after downtime each missed
		// reminder still inside it goes out once; older ones are not due.
		firings := src.Firings(now.Add(-journal.CatchUpGrace), now)
		next, _ := src.Next(now)
		won, err := r.core.ClaimFirings(ctx, src, firings, next, func(f journal.Firing) string {
			return MessageID(r.signer, r.domain, src.User.ID, f.Kind, f.Period)
		})
		if err != nil {
			return st, err
		}
		for _, c := range won {
			if err := r.attempt(ctx, c, &st); err != nil {
				return st, err
			}
		}
	}
	retries, err := r.core.RetryableClaims(ctx, now)
	if err != nil {
		return st, err
	}
	for _, c := range retries {
		// A retry keeps the catch-up rule: more than CatchUpGrace late, a
		// reminder is given up rather than sent late.
		if c.Attempts >= journal.MaxSendAttempts || !journal.Fresh(c.FireAt, now) {
			c.State, c.RetryAt = journal.ClaimFailed, time.Time{}
			if err := r.core.SettleClaim(ctx, c); err != nil {
				return st, err
			}
			continue
		}
		won, err := r.core.RetakeClaim(ctx, &c)
		if err != nil {
			return st, err
		}
		if won {
			if err := r.attempt(ctx, c, &st); err != nil {
				return st, err
			}
		}
	}
	return st, nil
}

// attempt composes and sends one claimed reminder and records the outcome.
// Only a database error or a cancelled pass stops the pass; the claim of a
// cancelled pass keeps its lease and is retried after it.
func (r *Runner) attempt(ctx context.Context, c journal.Claim, st *Stats) error {
	msg, skip, err := r.compose(ctx, c)
	if err != nil {
		return fmt.Errorf("compose %s %s: %w", c.Kind, c.Period, err)
	}
	if skip {
		c.State, c.RetryAt = journal.ClaimSkipped, time.Time{}
		st.Skipped++
		return r.core.SettleClaim(ctx, c)
	}
	err = r.send.Send(ctx, msg)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		// The claim's error is shown to the user; the log keeps the relay's own words.
		c.State, c.LastError = journal.ClaimFailed, FailureReason(err)
		c.RetryAt = r.core.Now().Add(journal.Backoff(c.Attempts))
		if c.Attempts >= journal.MaxSendAttempts {
			c.RetryAt = time.Time{}
		}
		st.Failed++
		r.log.Warn("reminder not sent", "user_id", c.UserID, "kind", c.Kind, "period", c.Period, "attempt", c.Attempts, "err", err)
		return r.core.SettleClaim(ctx, c)
	}
	c.State, c.LastError, c.RetryAt = journal.ClaimSent, "", time.Time{}
	st.Sent++
	r.log.Info("reminder sent", "user_id", c.UserID, "kind", c.Kind, "period", c.Period)
	return r.core.SettleClaim(ctx, c)
}

// SendTest sends a test mail to the user at once, outside the claims.
func (r *Runner) SendTest(ctx context.Context, u *journal.User) error {
	now := r.core.Now()
	msg := r.testMessage(u, now)
	return r.send.Send(ctx, msg)
}

// Loop runs a pass at the start of every minute until ctx ends.
func (r *Runner) Loop(ctx context.Context) {
	for {
		now := r.core.Now()
		wait := now.Truncate(time.Minute).Add(time.Minute).Sub(now)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		st, err := r.Pass(ctx, r.core.Now())
		if err != nil && !errors.Is(err, context.Canceled) {
			r.log.Error("reminder pass", "err", err)
		} else if st.Sources > 0 {
			r.log.Debug("reminder pass", "sources", st.Sources, "sent", st.Sent, "skipped", st.Skipped, "failed", st.Failed)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func trimSlash(s string) string {
	for len(s) > 0 && s[len(s)-1] == '/' {
		s = s[:len(s)-1]
	}
	return s
}
