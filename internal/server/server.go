// Package server is leadup's HTTP layer: routes, middleware, handlers and the
// one place where errors become status codes and pages.
package server

import (
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/httprate"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/signer"
)

// Signup modes.
const (
	SignupFirst  = journal.SignupFirst  // only while no account exists
	SignupOpen   = journal.SignupOpen   // anyone who can reach the server
	SignupClosed = journal.SignupClosed // accounts come from `leadup user add`
)

// Cookie security modes.
const (
	SecureAuto   = "auto" // Secure when the request came over HTTPS
	SecureAlways = "always"
	SecureNever  = "never"
)

// Config is the part of leadup's configuration the HTTP layer needs.
type Config struct {
	Signup        string
	SecureCookies string

	// Login throttling: attempts per window, per client IP and per email.
	LoginPerIP    int
	LoginPerEmail int
	LoginWindow   time.Duration

	SessionIdle     time.Duration // a session unused this long ends
	SessionLifetime time.Duration // a session ends this long after sign-in, however active

	// RequestTimeout bounds each request's database work: its context
	// ends then, and SQLite interrupts whatever statement is running.
	RequestTimeout time.Duration

	MaxBodyBytes   int64
	MaxImportBytes int64 // the limit for POST /import, which takes a whole export

	// BasePath is the path leadup is served under behind a proxy ("" at
	// the root, or like "/leadup"); PublicOrigin, like
	// "https://example.com", is trusted for cross-origin checks and makes
	// cookies Secure when it is https.
	BasePath     string
	PublicOrigin string

	// Requests from TrustedProxies may name the client in X-Forwarded-For
	// and X-Forwarded-Proto, and sign a user in with AuthProxyHeader.
	TrustedProxies  []netip.Prefix
	AuthProxyHeader string
	LogoutURL       string // where sign-out sends a proxy-authenticated user

	// Now is the clock. cmd/leadup gives the server and the store the same
	// one, and tests move both at once; nil is time.Now.
	Now func() time.Time

	Metrics *Metrics // nil when metrics are off

	Reminders *remind.Runner // nil when mail is off

	// OIDC turns on sign-in through an OpenID provider (nil: off);
	// PasswordLoginOff then hides and refuses password sign-in.
	OIDC             *OIDCConfig
	PasswordLoginOff bool

	// Each user may make APIRequests API requests per APIWindow, over all
	// their tokens together.
	APIRequests int
	APIWindow   time.Duration

	// Languages is the message catalog pages are shown from, with the
	// language for a visitor whose browser asks for none of its own.
	Languages *i18n.Catalog
}

// DefaultConfig returns safe defaults.
func DefaultConfig() Config {
	return Config{
		Signup:          SignupFirst,
		SecureCookies:   SecureAuto,
		LoginPerIP:      20,
		LoginPerEmail:   10,
		LoginWindow:     10 * time.Minute,
		SessionIdle:     14 * 24 * time.Hour,
		SessionLifetime: 60 * 24 * time.Hour,
		RequestTimeout:  30 * time.Second,
		MaxBodyBytes:    1 << 20,
		MaxImportBytes:  32 << 20,
		APIRequests:     300,
		APIWindow:       time.Minute,
		Languages:       i18n.MustLoad(i18n.Source.String()),
	}
}

// signupTakenPerIP is how many sign-ups for an email that already has an
// account one address may make per LoginWindow: a person mistyping needs
// one or two, someone listing accounts needs thousands.
const signupTakenPerIP = 5

// Server serves leadup over HTTP.
type Server struct {
	core     *core.Core
	hasher   *password.Hasher
	markdown *markdown.Renderer
	log      *slog.Logger
	cfg      Config
	signer   signer.Signer // HMACs with the server secret: form tokens, device cookies

	loginByIP    *httprate.RateLimiter
	loginByEmail *httprate.RateLimiter
	loginEpochs  emailEpochs // see limitLoginEmail
	signupByIP   *httprate.RateLimiter
	// signupTakenByIP rations "that email has an account" answers.
	signupTakenByIP *httprate.RateLimiter
	// passwordByUser limits how often the settings forms check a signed-in
	// user's password, so a borrowed session is no password oracle.
	passwordByUser *httprate.RateLimiter
	// testMailByUser limits the test-mail button per user.
	testMailByUser *httprate.RateLimiter

	// mailing counts sign-up mails still being sent after their answer;
	// see WaitMail.
	mailing sync.WaitGroup

	// dummyHash is verified against when an email is unknown, so that an
	// unknown email costs as much time as a wrong password. It is made on
	// first use, so an idle server never holds argon2's memory.
	dummyHash func() (string, error)

	diskFullLog throttledLog // see diskFull
	oidc        *oidcClient  // nil when OIDC is off
	csp         string       // the Content-Security-Policy; see securityHeaders

	handler http.Handler
	router  chi.Routes // the routes of handler, for a 405's Allow header
}

// New returns a Server over the use cases c.
func New(c *core.Core, hasher *password.Hasher, log *slog.Logger, cfg Config) *Server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{core: c, hasher: hasher, markdown: markdown.New(), log: log, cfg: cfg, signer: signer.New(c.Secret())}
	s.dummyHash = sync.OnceValues(func() (string, error) { return hasher.Hash("leadup dummy password for timing") })
	limited := httprate.WithLimitHandler(s.handleTooManyRequests)
	s.loginByIP = httprate.NewRateLimiter(cfg.LoginPerIP, cfg.LoginWindow, limited)
	s.loginByEmail = httprate.NewRateLimiter(cfg.LoginPerEmail, cfg.LoginWindow, limited)
	s.signupByIP = httprate.NewRateLimiter(cfg.LoginPerIP, cfg.LoginWindow, limited)
	s.signupTakenByIP = httprate.NewRateLimiter(signupTakenPerIP, cfg.LoginWindow, limited)
	s.passwordByUser = httprate.NewRateLimiter(cfg.LoginPerEmail, cfg.LoginWindow, limited)
	s.testMailByUser = httprate.NewRateLimiter(testMailsPerUser, testMailWindow)
	s.oidc = newOIDCClient(cfg.OIDC)
	s.csp = contentSecurityPolicy
	if cfg.OIDC != nil {
		if u, err := url.Parse(cfg.OIDC.Issuer); err == nil && u.Host != "" {
			s.csp += " " + u.Scheme + "://" + u.Host
		}
	}
	mux := s.routes()
	s.router, s.handler = mux, mux
	return s
}

// ServeHTTP makes Server an http.Handler. Under a base path it serves
// only below that path, which it strips before routing, and HealthPath at
// the root as well: a container's health check knows the listen address,
// not the path a proxy publishes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r) {
		s.misdirected(w, r)
		return
	}
	base := s.cfg.BasePath
	switch {
	case base == "" || r.URL.Path == HealthPath:
		s.handler.ServeHTTP(w, r)
	case r.URL.Path == base:
		http.Redirect(w, r, base+"/", http.StatusSeeOther)
	case strings.HasPrefix(r.URL.Path, base+"/"):
		r2 := r.Clone(r.Context())
		r2.URL.Path = strings.TrimPrefix(r.URL.Path, base)
		r2.URL.RawPath = ""
		s.handler.ServeHTTP(w, r2)
	default:
		s.securityHeaders(http.HandlerFunc(s.handleNotFound)).ServeHTTP(w, r)
	}
}

// WaitMail waits for the sign-up mails still being sent in the background,
// for a graceful shutdown.
func (s *Server) WaitMail() { s.mailing.Wait() }

// now is the server's clock; see Config.Now.
func (s *Server) now() time.Time { return s.cfg.Now() }
