package journal

import (
	"strings"
	"time"
)

// API token scopes: a read token may only look; a write token may also
// create, change and delete.
const (
	ScopeRead  = "read"
	ScopeWrite = "write"
)

// Scopes are the choices of the token form.
var Scopes = []Option{
	{Value: ScopeRead, Label: "Read only"},
	{Value: ScopeWrite, Label: "Read and write"},
}

// MaxLiveTokens is how many tokens a user may have that work at once (not
// revoked, not expired): enough for every script and phone, few enough
// that a stolen session cannot scatter copies of access.
const MaxLiveTokens = 20

// ErrTooManyTokens refuses a token beyond MaxLiveTokens.
var ErrTooManyTokens = Errorf(EINVALID, "You already have %d tokens that work. Revoke one you no longer use, then create this one.", MaxLiveTokens)

// MaxTokenNameChars bounds a token's name, which says where it is used.
const MaxTokenNameChars = 100

// APIToken is a personal API token. The token itself is never stored, only
// its hash.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	Scope      string
	CreatedAt  time.Time
	LastUsedAt *time.Time // nil until first used
	ExpiresOn  string     // a local date, the last day it works; "" for never
	RevokedAt  *time.Time // nil while not revoked
}

// Usable reports whether the token may authenticate a request on today, a
// local date in the user's zone.
func (t *APIToken) Usable(today string) bool {
	return t.RevokedAt == nil && (t.ExpiresOn == "" || today <= t.ExpiresOn)
}

// CanWrite reports whether the token's scope allows changes.
func (t *APIToken) CanWrite() bool { return t.Scope == ScopeWrite }

// TokenInput is what the new-token form sends.
type TokenInput struct {
	Name      string
	Scope     string
	ExpiresOn string
}

// Validate trims the input and reports every rule it breaks; today is the
// current local date, before which a token cannot expire.
func (in *TokenInput) Validate(today string) error {
	in.Name = strings.TrimSpace(stripControl(in.Name))
	in.ExpiresOn = strings.TrimSpace(in.ExpiresOn)
	p := Problems{}
	p.checkText("name", in.Name, MaxTokenNameChars, "Name the token after where it will be used, such as “phone”.", "Use at most 100 characters.")
	if !isOption(Scopes, in.Scope) {
		p.Add("scope", "Choose read only, or read and write.")
	}
	if in.ExpiresOn != "" {
		if _, ok := ParseDate(in.ExpiresOn); !ok {
			p.Add("expires_on", "Enter the date as YYYY-MM-DD, or leave it empty.")
		} else if in.ExpiresOn < today {
			p.Add("expires_on", "That date has passed. Choose today or a later day.")
		}
	}
	return p.Err()
}
