package core

import (
	"context"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// A session resumes while fresh, records its use every few minutes, and
// once idle too long is ended: the next look finds no row to revive.
func TestResumeSession(t *testing.T) {
	c, now := newTestCore(t)
	ctx := context.Background()
	u, err := c.CreateAccount(ctx, signup("ann@example.com"), "h", journal.SignupFirst)
	if err != nil {
		t.Fatal(err)
	}
	first := []byte("first-session-token-hash-0123456")
	start := *now
	s := journal.Session{TokenHash: first, UserID: u.ID, CreatedAt: start, LastSeenAt: start, ExpiresAt: start.Add(24 * time.Hour)}
	if err := c.StartSession(ctx, nil, s); err != nil {
		t.Fatal(err)
	}
	// Signing in again from the same browser ends the session it had.
	second := []byte("second-session-token-hash-012345")
	s.TokenHash = second
	if err := c.StartSession(ctx, first, s); err != nil {
		t.Fatal(err)
	}
	const idle = time.Hour
	if _, _, err := c.ResumeSession(ctx, first, start, idle); err != ErrNoSession {
		t.Errorf("the replaced session: %v, want ErrNoSession", err)
	}
	got, sess, err := c.ResumeSession(ctx, second, start.Add(time.Minute), idle)
	if err != nil || got.ID != u.ID || !sess.LastSeenAt.Equal(start) {
		t.Fatalf("ResumeSession a minute on = %+v, %+v, %v; want the account, last seen untouched", got, sess, err)
	}
	_, _, err = c.ResumeSession(ctx, second, start.Add(50*time.Minute), idle)
	if err != nil {
		t.Fatal(err)
	}
	// 50 minutes on, the use was recorded, so 100 minutes on it is not idle.
	if _, _, err := c.ResumeSession(ctx, second, start.Add(100*time.Minute), idle); err != nil {
		t.Errorf("a session used 50 minutes ago: %v, want it alive", err)
	}
	late := start.Add(100*time.Minute + idle)
	if _, _, err := c.ResumeSession(ctx, second, late, idle); err != ErrNoSession {
		t.Errorf("an idle session: %v, want ErrNoSession", err)
	}
	if _, _, err := c.ResumeSession(ctx, second, start.Add(101*time.Minute), idle); err != ErrNoSession {
		t.Errorf("an ended session came back: %v, want ErrNoSession", err)
	}
}
