package core

import (
	"context"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// Each read of the accounts and reminders use cases is one read snapshot,
// however many queries gather it.
func TestAccountReadsAreOneSnapshotEach(t *testing.T) {
	c, now := newTestCore(t)
	ctx := context.Background()
	u, err := c.CreateAccount(ctx, signup("ann@example.com"), "h", journal.SignupFirst)
	if err != nil {
		t.Fatal(err)
	}
	sess := journal.Session{TokenHash: []byte("session-token-hash-0123456789abc"), UserID: u.ID, CreatedAt: *now, LastSeenAt: *now, ExpiresAt: now.Add(time.Hour)}
	if err := c.StartSession(ctx, nil, sess); err != nil {
		t.Fatal(err)
	}
	tokenHash := []byte("api-token-hash-0123456789abcdef0")
	if _, err := c.CreateAPIToken(ctx, u.ID, journal.TokenInput{Name: "cli", Scope: journal.ScopeRead}, tokenHash, "2026-11-30"); err != nil {
		t.Fatal(err)
	}
	var snapshots int
	c.db.ReadHook = func(context.Context) { snapshots++ }
	reads := []struct {
		name string
		read func() error
	}{
		{"ResumeSession", func() error { _, _, err := c.ResumeSession(ctx, sess.TokenHash, *now, time.Hour); return err }},
		{"APITokenOwner", func() error { _, _, err := c.APITokenOwner(ctx, tokenHash); return err }},
		{"TokensPage", func() error { _, err := c.TokensPage(ctx, u.ID); return err }},
		{"OIDCSight", func() error { _, err := c.OIDCSight(ctx, "https://op.example", "sub", u.Email); return err }},
		{"CheckUnsubscribe", func() error { return c.CheckUnsubscribe(ctx, u.PublicID, 0) }},
		{"ReminderMail weekly", func() error {
			_, err := c.ReminderMail(ctx, journal.Claim{UserID: u.ID, Kind: journal.KindWeeklyReview, Period: "2026-W48"}, *now, 50)
			return err
		}},
		{"ReminderMail digest", func() error {
			_, err := c.ReminderMail(ctx, journal.Claim{UserID: u.ID, Kind: journal.KindFollowUpsDigest, Period: "2026-11-30"}, *now, 50)
			return err
		}},
	}
	// The counter counts: the token sign-in's two reads, made one by one
	// as the API middleware made them before, are two snapshots.
	if _, err := c.db.FindAPITokenByHash(ctx, tokenHash); err != nil {
		t.Fatal(err)
	}
	if _, err := c.db.FindUserByID(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if snapshots != 2 {
		t.Fatalf("two reads outside a snapshot counted %d, want 2", snapshots)
	}
	for _, r := range reads {
		snapshots = 0
		if err := r.read(); err != nil {
			t.Errorf("%s: %v", r.name, err)
		}
		if snapshots != 1 {
			t.Errorf("%s: %d read snapshots, want 1", r.name, snapshots)
		}
	}
}
