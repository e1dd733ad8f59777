package journal

import "time"

// SignupLinkLifetime is how long the link that finishes an open sign-up
// works: long enough for a mail that arrives late or is read the next
// morning, short enough that an old mailbox is no standing invitation.
const SignupLinkLifetime = 24 * time.Hour

// PendingSignup is an open sign-up waiting for its owner to follow the
// mailed link. It holds the password's hash, never the password.
type PendingSignup struct {
	TokenHash    []byte
	Email        string
	PasswordHash string
	DisplayName  string
	TimeZone     string
	ExpiresAt    time.Time
}

// Signup returns the sign-up that creates the account.
func (p *PendingSignup) Signup() Signup {
	return Signup{Email: p.Email, DisplayName: p.DisplayName, TimeZone: p.TimeZone}
}
