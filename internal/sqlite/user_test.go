package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

func signup(email string) journal.Signup {
	return journal.Signup{Email: email, Password: "irrelevant", DisplayName: "Ann", TimeZone: "Europe/Berlin"}
}

func TestCreateUser(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	u, err := db.CreateUser(ctx, signup("Ann@Example.com"), "hash")
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 || len(u.PublicID) != 36 || u.Email != "ann@example.com" {
		t.Errorf("got %+v, want an id, a UUID and a lower-cased email", u)
	}
	got, err := db.FindUserByEmail(ctx, "ANN@example.COM")
	if err != nil || got.ID != u.ID || got.TimeZone != "Europe/Berlin" {
		t.Fatalf("FindUserByEmail = %+v, %v", got, err)
	}

	_, err = db.CreateUser(ctx, signup("ANN@example.com"), "hash")
	if code := journal.ErrorCode(err); code != journal.ECONFLICT {
		t.Errorf("duplicate email in another case: code %q, want %q", code, journal.ECONFLICT)
	}
	if n, _ := db.CountUsers(ctx); n != 1 {
		t.Errorf("CountUsers = %d, want 1", n)
	}
	if _, err := db.FindUserByID(ctx, 999); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("FindUserByID(999): %v, want ENOTFOUND", err)
	}
}

// TestUserLanguage: an account keeps the language it was made with, and
// the profile changes it; one made without a language follows the
// server's default ("").
func TestUserLanguage(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	su := signup("ann@example.com")
	su.Language = "de"
	u, err := db.CreateUser(ctx, su, "hash")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FindUserByEmail(ctx, "ann@example.com"); got == nil || got.Language != "de" {
		t.Fatalf("made with de, read back %+v", got)
	}
	if err := db.UpdateProfile(ctx, u.ID, journal.ProfileUpdate{DisplayName: "Ann", TimeZone: "UTC", Language: "fr"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FindUserByID(ctx, u.ID); got.Language != "fr" {
		t.Errorf("after the profile chose fr, language %q", got.Language)
	}
	other, err := db.CreateUser(ctx, signup("bob@example.com"), "hash")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FindUserByID(ctx, other.ID); got.Language != "" {
		t.Errorf("made without a language, read back %q; want \"\"", got.Language)
	}
}

func TestUpdateProfileAndPassword(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	u, _ := db.CreateUser(ctx, signup("ann@example.com"), "old")
	if err := db.UpdateProfile(ctx, u.ID, journal.ProfileUpdate{DisplayName: "Annie", TimeZone: "Asia/Tokyo"}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, tok := range []string{"keep", "drop1", "drop2"} {
		if err := db.CreateSession(ctx, journal.Session{TokenHash: []byte(tok), UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.UpdatePassword(ctx, u.ID, "new", []byte("keep")); err != nil {
		t.Fatal(err)
	}
	got, _ := db.FindUserByID(ctx, u.ID)
	if got.DisplayName != "Annie" || got.TimeZone != "Asia/Tokyo" || got.PasswordHash != "new" {
		t.Errorf("got %+v, want the new name, zone and hash", got)
	}
	if _, err := db.FindSession(ctx, []byte("keep")); err != nil {
		t.Errorf("kept session: %v", err)
	}
	for _, tok := range []string{"drop1", "drop2"} {
		if _, err := db.FindSession(ctx, []byte(tok)); journal.ErrorCode(err) != journal.ENOTFOUND {
			t.Errorf("session %s: %v, want ENOTFOUND", tok, err)
		}
	}
	if err := db.UpdateProfile(ctx, 999, journal.ProfileUpdate{DisplayName: "x", TimeZone: "UTC"}); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("UpdateProfile(999): %v, want ENOTFOUND", err)
	}
}

func TestDeleteUserCascades(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	ann, _ := db.CreateUser(ctx, signup("ann@example.com"), "h")
	bob, _ := db.CreateUser(ctx, signup("bob@example.com"), "h")
	now := time.Now()
	db.CreateSession(ctx, journal.Session{TokenHash: []byte("a"), UserID: ann.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)})
	db.CreateSession(ctx, journal.Session{TokenHash: []byte("b"), UserID: bob.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)})
	if err := db.DeleteUser(ctx, ann.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FindSession(ctx, []byte("a")); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("deleted user's session: %v, want ENOTFOUND", err)
	}
	if _, err := db.FindSession(ctx, []byte("b")); err != nil {
		t.Errorf("other user's session: %v", err)
	}
}

func TestSessions(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	u, _ := db.CreateUser(ctx, signup("ann@example.com"), "h")
	t0 := time.Unix(1_800_000_000, 0)
	s := journal.Session{TokenHash: []byte("t"), UserID: u.ID, CreatedAt: t0, LastSeenAt: t0, ExpiresAt: t0.Add(24 * time.Hour)}
	if err := db.CreateSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := db.TouchSession(ctx, []byte("t"), t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindSession(ctx, []byte("t"))
	if err != nil {
		t.Fatal(err)
	}
	if !got.LastSeenAt.Equal(t0.Add(time.Hour)) || !got.ExpiresAt.Equal(t0.Add(24*time.Hour)) || got.UserID != u.ID {
		t.Errorf("got %+v", got)
	}
	n, err := db.DeleteExpiredSessions(ctx, t0.Add(2*time.Hour), t0.Add(30*time.Minute))
	if err != nil || n != 0 {
		t.Errorf("DeleteExpiredSessions removed %d, %v; want 0", n, err)
	}
	n, _ = db.DeleteExpiredSessions(ctx, t0.Add(25*time.Hour), t0)
	if n != 1 {
		t.Errorf("DeleteExpiredSessions removed %d past the absolute end, want 1", n)
	}
	if err := db.DeleteSession(ctx, []byte("t")); err != nil {
		t.Fatal(err)
	}
}

// A rehash on sign-in swaps the stored hash and leaves every session of
// the account alive; an unknown user is not found.
func TestRehashPassword(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	u, err := db.CreateUser(ctx, signup("ann@example.com"), "old-hash")
	if err != nil {
		t.Fatal(err)
	}
	now := db.Now()
	s := journal.Session{TokenHash: []byte("0123456789abcdef0123456789abcdef"), UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
	if err := db.CreateSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := db.RehashPassword(ctx, u.ID, "new-hash"); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindUserByEmail(ctx, "ann@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if got.PasswordHash != "new-hash" {
		t.Errorf("password hash %q, want new-hash", got.PasswordHash)
	}
	if _, err := db.FindSession(ctx, s.TokenHash); err != nil {
		t.Errorf("the session ended on a rehash: %v", err)
	}
	if code := journal.ErrorCode(db.RehashPassword(ctx, u.ID+100, "x")); code != journal.ENOTFOUND {
		t.Errorf("rehash of an unknown user: code %q, want %q", code, journal.ENOTFOUND)
	}
}
