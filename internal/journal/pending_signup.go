package journal

import "time"

// SignupLinkLifetime is how long the link that finishes an open sign-up
// works: long enough for a mail that arrives late or is read the next
// morning, short enough that an old mailbox is no standing invitation.
const SignupLinkLifetime = 24 * time.Hour

// The limits on sign-up mail to one address, whoever asks and from where:
// at most one mail (a link, or a note that someone tried) every
// SignupMailGap, and at most SignupMailsPerDay in any 24 hours. A repeat
// within the gap sends nothing new: the link already sent still works.
const (
	SignupMailGap     = 10 * time.Minute
	SignupMailsPerDay = 5
)

// PendingSignup is an open sign-up waiting for its owner to follow the
// mailed link. It holds no password: the owner chooses one on the page
// the link opens, once the mailbox is proven.
type PendingSignup struct {
	TokenHash   []byte
	Email       string
	DisplayName string
	TimeZone    string
	Language    string // of the browser that asked; see User.Language
	ExpiresAt   time.Time
}

// Signup returns the sign-up that creates the account, without its
// password.
func (p *PendingSignup) Signup() Signup {
	return Signup{Email: p.Email, DisplayName: p.DisplayName, TimeZone: p.TimeZone, Language: p.Language}
}

// SignupMail is what to mail for one open sign-up, as the store decided
// it: nothing (Send false: held back by the limits above), a link that
// finishes the sign-up (Owner nil), or a note to Owner that someone tried.
type SignupMail struct {
	Send  bool
	Owner *User
	ID    int64 // the request's row in the mail log, to undo a mail that failed
}

// ErrSignupLinkExpired refuses a sign-up link past its lifetime.
var ErrSignupLinkExpired = Errorf(EFORBIDDEN, "This sign-up link has expired.")

// Usable returns nil while the link of p works at now, and
// ErrSignupLinkExpired after.
func (p *PendingSignup) Usable(now time.Time) error {
	if !now.Before(p.ExpiresAt) {
		return ErrSignupLinkExpired
	}
	return nil
}
