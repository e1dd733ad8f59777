// Package server assembles leadup's HTTP front ends — the HTML pages
// (package pages), the JSON API (package api) and authentication (package
// auth) — over the middleware they share (package httpx), and serves them
// under the configured base path.
package server

import (
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/server/api"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/internal/server/pages"
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
	// language for a visitor whose browser asks for none of its own; New
	// loads the one with English as that language when it is nil.
	Languages *i18n.Catalog
}

// OIDCConfig names the OpenID provider and this client at it.
type OIDCConfig = auth.OIDCConfig

// Metrics counts requests for /metrics.
type Metrics = httpx.Metrics

// NewMetrics registers the request metrics; see httpx.NewMetrics.
var NewMetrics = httpx.NewMetrics

// Signup modes.
const (
	SignupFirst  = journal.SignupFirst  // only while no account exists
	SignupOpen   = journal.SignupOpen   // anyone who can reach the server
	SignupClosed = journal.SignupClosed // accounts come from `leadup user add`
)

// Cookie security modes.
const (
	SecureAuto   = httpx.SecureAuto // Secure when the request came over HTTPS
	SecureAlways = httpx.SecureAlways
	SecureNever  = httpx.SecureNever
)

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
	}
}

// Server serves leadup over HTTP: the three front ends' routes over the
// shared middleware.
type Server struct {
	*httpx.Base
	cfg   Config
	core  *core.Core
	auth  *auth.Handler
	pages *pages.Handler
	api   *api.Handler

	handler http.Handler
}

// New returns a Server over the use cases c.
func New(c *core.Core, hasher *password.Hasher, log *slog.Logger, cfg Config) *Server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	// Parsed here, not in DefaultConfig: leadup serve sets the catalog it
	// has already parsed, and parsing one costs a cold start 26 ms.
	if cfg.Languages == nil {
		cfg.Languages = i18n.MustLoad(i18n.Source.String())
	}
	base := httpx.NewBase(log, cfg.shared(), c.Secret())
	a := auth.New(base, c, hasher, cfg.auth())
	s := &Server{
		Base:  base,
		cfg:   cfg,
		core:  c,
		auth:  a,
		pages: pages.New(base, c, hasher, a, cfg.MaxImportBytes),
		api:   api.New(base, c),
	}
	mux := s.routes()
	base.Router, s.handler = mux, mux
	return s
}

// ServeHTTP makes Server an http.Handler. Under a base path it serves
// only below that path, which it strips before routing, and HealthPath at
// the root as well: a container's health check knows the listen address,
// not the path a proxy publishes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.HostAllowed(r) {
		s.Misdirected(w, r)
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
		s.SecurityHeaders(http.HandlerFunc(s.HandleNotFound)).ServeHTTP(w, r)
	}
}

// WaitMail waits for the sign-up mails still being sent in the background,
// for a graceful shutdown.
func (s *Server) WaitMail() { s.auth.WaitMail() }

// shared is what every front end reads of cfg.
func (cfg Config) shared() httpx.Config {
	c := httpx.Config{
		SecureCookies:  cfg.SecureCookies,
		RequestTimeout: cfg.RequestTimeout,
		BasePath:       cfg.BasePath,
		PublicOrigin:   cfg.PublicOrigin,
		TrustedProxies: cfg.TrustedProxies,
		Now:            cfg.Now,
		Metrics:        cfg.Metrics,
		Reminders:      cfg.Reminders,
		Languages:      cfg.Languages,
	}
	if cfg.OIDC != nil {
		if u, err := url.Parse(cfg.OIDC.Issuer); err == nil && u.Host != "" {
			c.ProviderOrigin = u.Scheme + "://" + u.Host
		}
	}
	return c
}

// auth is what sign-in reads of cfg.
func (cfg Config) auth() auth.Config {
	return auth.Config{
		Signup:           cfg.Signup,
		LoginPerIP:       cfg.LoginPerIP,
		LoginPerEmail:    cfg.LoginPerEmail,
		LoginWindow:      cfg.LoginWindow,
		SessionIdle:      cfg.SessionIdle,
		SessionLifetime:  cfg.SessionLifetime,
		AuthProxyHeader:  cfg.AuthProxyHeader,
		LogoutURL:        cfg.LogoutURL,
		OIDC:             cfg.OIDC,
		PasswordLoginOff: cfg.PasswordLoginOff,
		APIRequests:      cfg.APIRequests,
		APIWindow:        cfg.APIWindow,
	}
}
