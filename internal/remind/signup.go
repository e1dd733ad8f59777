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
// that has no account yet, in lang: the language of the browser that
// asked, as the pending sign-up keeps it (a tag of the catalog, or "" for
// the server's default). It carries nothing the requester typed (not
// even the name they gave): until the link is followed, whoever asked may
// be a stranger using this mailbox as a billboard.
func (r *Runner) SendSignupLink(ctx context.Context, email, lang, token string) error {
	now := r.core.Now()
	l := r.langs.Localizer(lang)
	m := letter{
		Subject:  l.T("mail.signup_link.subject"),
		Greeting: l.T("mail.greeting_anonymous"),
		Lines: []string{
			l.T("mail.signup_link.asked"),
			l.N("mail.signup_link.open", int(journal.SignupLinkLifetime/time.Hour)),
		},
		Action: l.T("mail.signup_link.action"),
		Link:   r.baseURL + SignupLinkPath + token,
		Footer: l.T("mail.signup_link.footer"),
	}
	to := &journal.User{Email: email}
	return r.send.Send(ctx, r.message(l, to, m, r.oneOffMessageID(), now))
}

// SendSignupTaken tells an account's owner, in their language, that
// someone tried to sign up with their address. Nothing about the account
// changes.
func (r *Runner) SendSignupTaken(ctx context.Context, u *journal.User) error {
	now := r.core.Now()
	l := r.langs.Localizer(u.Language)
	m := letter{
		Subject:  l.T("mail.signup_taken.subject"),
		Greeting: l.T("mail.greeting", map[string]any{"Name": u.DisplayName}),
		Lines: []string{
			l.T("mail.signup_taken.tried", map[string]any{"Date": l.Time(now.In(u.Location()), i18n.FullStamp)}),
			l.T("mail.signup_taken.nothing"),
			l.T("mail.signup_taken.if_you"),
		},
		Action: l.T("mail.signup_taken.action"),
		Link:   r.baseURL + "/login",
		Footer: l.T("mail.signup_taken.footer"),
	}
	return r.send.Send(ctx, r.message(l, u, m, r.oneOffMessageID(), now))
}

// oneOffMessageID is a fresh Message-ID for a mail that is never retried.
func (r *Runner) oneOffMessageID() string {
	return rand.Text() + "@" + r.domain
}
