// Package auth is how a request comes to act for a user: sessions and
// their cookie, password sign-in with its throttling, sign-up and its
// verification mail, OpenID Connect, sign-in by a trusted proxy's header,
// re-authentication before a sensitive change, carrying a typed form
// through sign-in, and the bearer tokens of the JSON API with their
// settings page.
package auth

import (
	"sync"

	"github.com/go-chi/httprate"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/server/httpx"
)

// SignupTakenPerIP is how many sign-ups for an email that already has an
// account one address may make per LoginWindow: a person mistyping needs
// one or two, someone listing accounts needs thousands.
const SignupTakenPerIP = 5

// Handler signs users in and out and guards the routes that need one.
type Handler struct {
	*httpx.Base
	cfg    Config
	core   *core.Core
	hasher *password.Hasher

	loginByIP    *httprate.RateLimiter
	loginByEmail *httprate.RateLimiter
	loginEpochs  emailEpochs // see limitLoginEmail
	signupByIP   *httprate.RateLimiter
	// signupTakenByIP rations "that email has an account" answers.
	signupTakenByIP *httprate.RateLimiter
	// passwordByUser limits how often the settings forms check a signed-in
	// user's password, so a borrowed session is no password oracle.
	passwordByUser *httprate.RateLimiter

	// mailing counts sign-up mails still being sent after their answer;
	// see WaitMail.
	mailing sync.WaitGroup

	// dummyHash is verified against when an email is unknown, so that an
	// unknown email costs as much time as a wrong password. It is made on
	// first use, so an idle server never holds argon2's memory.
	dummyHash func() (string, error)

	oidc *oidcClient // nil when OIDC is off
}

// New returns the sign-in handler over the use cases c, configured by cfg.
func New(base *httpx.Base, c *core.Core, hasher *password.Hasher, cfg Config) *Handler {
	s := &Handler{Base: base, cfg: cfg, core: c, hasher: hasher}
	s.dummyHash = sync.OnceValues(func() (string, error) { return hasher.Hash("leadup dummy password for timing") })
	limited := httprate.WithLimitHandler(base.HandleTooManyRequests)
	s.loginByIP = httprate.NewRateLimiter(cfg.LoginPerIP, cfg.LoginWindow, limited)
	s.loginByEmail = httprate.NewRateLimiter(cfg.LoginPerEmail, cfg.LoginWindow, limited)
	s.signupByIP = httprate.NewRateLimiter(cfg.LoginPerIP, cfg.LoginWindow, limited)
	s.signupTakenByIP = httprate.NewRateLimiter(SignupTakenPerIP, cfg.LoginWindow, limited)
	s.passwordByUser = httprate.NewRateLimiter(cfg.LoginPerEmail, cfg.LoginWindow, limited)
	s.oidc = newOIDCClient(cfg.OIDC)
	return s
}

// WaitMail waits for the sign-up mails still being sent in the background,
// for a graceful shutdown.
func (s *Handler) WaitMail() { s.mailing.Wait() }
