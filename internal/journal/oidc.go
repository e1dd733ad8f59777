package journal

import "time"

// OIDCLoginTTL is how long a sign-in may take at the provider before its
// state is forgotten.
const OIDCLoginTTL = 10 * time.Minute

// OIDCLogin is a sign-in waiting for the provider's answer.
type OIDCLogin struct {
	StateHash []byte
	Nonce     string
	Verifier  string // the PKCE code verifier
	Next      string // the local path to go to afterwards
	Saved     string // a form typed before signing in, encoded by its owner; "" for none
	CreatedAt time.Time
}

// OIDCFirstSight is what to do with an identity the server has not seen.
type OIDCFirstSight int

// The outcomes of FirstSight.
const (
	OIDCLink             OIDCFirstSight = iota + 1 // link it to the account with its email
	OIDCCreate                                     // create an account for it
	OIDCRefuseUnverified                           // an account has the email, but the provider has not verified it
	OIDCRefuseSignup                               // no account has the email and sign-up is closed
	OIDCRefuseNoEmail                              // the provider did not say who it is
)

// FirstSight decides what happens when an (issuer, subject) pair signs in
// for the first time. Linking to an existing account on an unverified
// email would let anyone who can set that email at the provider take the
// account over, so it is refused.
func FirstSight(email string, emailVerified, accountExists, canSignup bool) OIDCFirstSight {
	switch {
	case email == "":
		return OIDCRefuseNoEmail
	case accountExists && emailVerified:
		return OIDCLink
	case accountExists:
		return OIDCRefuseUnverified
	case canSignup:
		return OIDCCreate
	default:
		return OIDCRefuseSignup
	}
}
