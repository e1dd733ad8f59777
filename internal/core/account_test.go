package core

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

func signup(email string) journal.Signup {
	return journal.Signup{Email: email, Password: "correct horse battery", DisplayName: "Ann", TimeZone: "Europe/Berlin"}
}

// CreateAccount applies the sign-up mode: `first` admits one account,
// `closed` none, the operator any; an email in use is ErrEmailTaken,
// beside the email field; invalid input is refused before any write.
func TestCreateAccountAppliesTheMode(t *testing.T) {
	c, _ := newTestCore(t)
	ctx := context.Background()
	if _, err := c.CreateAccount(ctx, signup("ann@example.com"), "h", journal.SignupClosed); journal.ErrorCode(err) != journal.EFORBIDDEN {
		t.Errorf("closed: %v, want %s", err, journal.EFORBIDDEN)
	}
	u, err := c.CreateAccount(ctx, signup(" Ann@Example.com "), "h", journal.SignupFirst)
	if err != nil {
		t.Fatal(err)
	}
	if u.Email != "ann@example.com" {
		t.Errorf("email %q, want it normalised", u.Email)
	}
	if _, err := c.CreateAccount(ctx, signup("bob@example.com"), "h", journal.SignupFirst); journal.ErrorCode(err) != journal.EFORBIDDEN {
		t.Errorf("second account with first: %v, want %s", err, journal.EFORBIDDEN)
	}
	if _, err := c.CreateAccount(ctx, signup("bob@example.com"), "h", journal.SignupOperator); err != nil {
		t.Errorf("operator: %v", err)
	}
	_, err = c.CreateAccount(ctx, signup("ANN@example.com"), "h", journal.SignupOpen)
	if journal.FieldErrors(err)["email"] == "" || journal.ErrorCode(err) != journal.ECONFLICT {
		t.Errorf("taken email: %v, want a conflict beside email", err)
	}
	bad := signup("carol@example.com")
	bad.TimeZone = "Mars/Olympus"
	if _, err := c.CreateAccount(ctx, bad, "h", journal.SignupOpen); journal.FieldErrors(err)["timezone"] == "" {
		t.Errorf("bad zone: %v, want a message beside timezone", err)
	}
	if _, err := c.AccountByEmail(ctx, "carol@example.com"); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("refused sign-up left an account: %v", err)
	}
}

// With `first`, sign-ups racing for an empty server make exactly one
// account: the count and the insert are one transaction.
func TestCreateAccountFirstOnlyUnderRace(t *testing.T) {
	c, _ := newTestCore(t)
	ctx := context.Background()
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			_, errs[i] = c.CreateAccount(ctx, signup(fmt.Sprintf("u%d@example.com", i)), "h", journal.SignupFirst)
		})
	}
	wg.Wait()
	made := 0
	for _, err := range errs {
		switch journal.ErrorCode(err) {
		case "":
			made++
		case journal.EFORBIDDEN:
		default:
			t.Errorf("unexpected error %v", err)
		}
	}
	if made != 1 {
		t.Errorf("%d accounts made, want 1", made)
	}
}

// A mailed link makes its account in the transaction that takes the link:
// an expired link or a taken email changes nothing (the link still there,
// no account), and a good one makes the account and works once.
func TestCreateAccountFromLinkIsOneChange(t *testing.T) {
	c, now := newTestCore(t)
	ctx := context.Background()
	link := func(email, token string) []byte {
		t.Helper()
		p := journal.PendingSignup{TokenHash: []byte(token), Email: email, DisplayName: "Bea", TimeZone: "UTC",
			ExpiresAt: now.Add(journal.SignupLinkLifetime)}
		m, err := c.ClaimSignupMail(ctx, p)
		if err != nil || !m.Send || m.Owner != nil {
			t.Fatalf("ClaimSignupMail = %+v, %v; want a link to send", m, err)
		}
		return p.TokenHash
	}
	bea := link("bea@example.com", "token-bea-0123456789abcdef012345")
	su := signup("bea@example.com")

	late := now.Add(journal.SignupLinkLifetime)
	if _, err := c.CreateAccountFromLink(ctx, bea, su, "h", journal.SignupOpen, late); err != journal.ErrSignupLinkExpired {
		t.Errorf("expired link: %v, want ErrSignupLinkExpired", err)
	}
	if _, err := c.AccountByEmail(ctx, "bea@example.com"); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("expired link made an account: %v", err)
	}

	if _, err := c.CreateAccount(ctx, su, "h", journal.SignupOperator); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateAccountFromLink(ctx, bea, su, "h", journal.SignupOpen, *now); journal.ErrorCode(err) != journal.ECONFLICT {
		t.Errorf("taken email: %v, want %s", err, journal.ECONFLICT)
	}
	if _, err := c.PendingSignup(ctx, bea, *now); err != nil {
		t.Errorf("a refused link was used up: %v", err)
	}

	cleo := link("cleo@example.com", "token-cleo-0123456789abcdef01234")
	u, err := c.CreateAccountFromLink(ctx, cleo, signup("cleo@example.com"), "h", journal.SignupOpen, *now)
	if err != nil || u.Email != "cleo@example.com" {
		t.Fatalf("CreateAccountFromLink = %+v, %v", u, err)
	}
	if _, err := c.CreateAccountFromLink(ctx, cleo, signup("cleo2@example.com"), "h", journal.SignupOpen, *now); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("a link used twice: %v, want %s", err, journal.ENOTFOUND)
	}
	if _, err := c.AccountByEmail(ctx, "cleo2@example.com"); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("a used link made a second account: %v", err)
	}
}

// An OpenID account is made and linked in one transaction: when the link
// cannot be made, no account is left behind without it.
func TestCreateOIDCAccountLinksInOneTransaction(t *testing.T) {
	c, _ := newTestCore(t)
	ctx := context.Background()
	ext := func(email string) journal.Signup { return journal.Signup{Email: email, External: true} }
	u, err := c.CreateOIDCAccount(ctx, ext("ann@example.com"), "h", journal.SignupOpen, "https://op.example", "sub-1")
	if err != nil {
		t.Fatal(err)
	}
	if u.DisplayName != "ann" || u.TimeZone != "UTC" {
		t.Errorf("external account %q in %q, want the email's first part in UTC", u.DisplayName, u.TimeZone)
	}
	got, err := c.AccountByOIDC(ctx, "https://op.example", "sub-1")
	if err != nil || got.ID != u.ID {
		t.Fatalf("AccountByOIDC = %+v, %v; want account %d", got, err, u.ID)
	}
	// The same identity again (a race lost to another sign-in): the link
	// fails, and so does the account.
	if _, err := c.CreateOIDCAccount(ctx, ext("bob@example.com"), "h", journal.SignupOpen, "https://op.example", "sub-1"); err == nil {
		t.Fatal("a second account for one identity was made")
	}
	if _, err := c.AccountByEmail(ctx, "bob@example.com"); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("an account was left without its identity: %v", err)
	}
	sight, err := c.OIDCSight(ctx, "https://op.example", "sub-2", "ann@example.com")
	if err != nil || sight.Linked != nil || sight.Existing == nil || sight.Existing.ID != u.ID {
		t.Errorf("OIDCSight of a new identity with a known email = %+v, %v", sight, err)
	}
}
