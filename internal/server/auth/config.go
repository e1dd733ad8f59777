package auth

import "time"

// Config is what sign-in reads of the configuration; server.Config
// documents each field.
type Config struct {
	Signup string

	LoginPerIP    int
	LoginPerEmail int
	LoginWindow   time.Duration

	SessionIdle     time.Duration
	SessionLifetime time.Duration

	AuthProxyHeader string
	LogoutURL       string

	OIDC             *OIDCConfig
	PasswordLoginOff bool

	APIRequests int
	APIWindow   time.Duration
}

// OIDCConfig names the OpenID provider and this client at it.
type OIDCConfig struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	Name         string   // the sign-in button's label
	Scopes       []string // must include "openid"
	RedirectURL  string   // {base URL}/auth/oidc/callback
}
