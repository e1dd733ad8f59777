package remind

import (
	"context"
	"crypto/rand"
	"time"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

// The two mails of an open sign-up. The page after the form is the same
// whether the address is new or has an account; only the mailbox's owner
// learns which.

// SignupLinkPath is where the link in a sign-up mail points, below the
// base URL; the token follows it.
const SignupLinkPath = "/signup/verify/"

// SendSignupLink mails the link that finishes a sign-up to an address
// that has no account yet. It carries nothing the requester typed (not
// even the name they gave): until the link is followed, whoever asked may
// be a stranger using this mailbox as a billboard.
func (r *Runner) SendSignupLink(ctx context.Context, email, token string) error {
	now := r.core.Now()
	m := letter{
		Subject:  "Finish creating your leadup account",
		Greeting: "Hello,",
		Lines: []string{
			"Someone, probably you, asked to create a leadup account with this address.",
			"Open the link below to choose your password and finish. It works once, for " + hours(journal.SignupLinkLifetime) + ".",
		},
		Action: "Finish creating your account",
		Link:   r.baseURL + SignupLinkPath + token,
		Footer: "If you did not ask for this, ignore this mail: no account is made without the link.",
	}
	to := &journal.User{Email: email}
	return r.send.Send(ctx, r.message(to, m, r.oneOffMessageID(), now))
}

// SendSignupTaken tells an account's owner that someone tried to sign up
// with their address. Nothing about the account changes.
func (r *Runner) SendSignupTaken(ctx context.Context, u *journal.User) error {
	now := r.core.Now()
	m := letter{
		Subject:  "Someone tried to sign up to leadup with your address",
		Greeting: "Hello " + u.DisplayName + ",",
		Lines: []string{
			"Someone tried to create a new leadup account with this address on " + r.langs.Localizer(u.Language).Time(now.In(u.Location()), i18n.FullStamp) + ".",
			"You already have an account, so nothing was created and nothing about your account changed.",
			"If it was you, sign in instead. If it was not, there is nothing to do.",
		},
		Action: "Sign in",
		Link:   r.baseURL + "/login",
		Footer: "You get this because this address has a leadup account on this server.",
	}
	return r.send.Send(ctx, r.message(u, m, r.oneOffMessageID(), now))
}

// oneOffMessageID is a fresh Message-ID for a mail that is never retried.
func (r *Runner) oneOffMessageID() string {
	return rand.Text() + "@" + r.domain
}

func hours(d time.Duration) string {
	return itoa(int64(d/time.Hour)) + " hours"
}
