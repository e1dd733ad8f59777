// Package httpx is what every front end of leadup's HTTP layer shares: the
// request's context (signed-in user, session, request info), the one place
// where errors become status codes and the error page, rendering, forms
// and their tokens, the one-time notice, and the middleware every route
// runs under (request deadline, body limits, no-store, security headers,
// cross-origin protection, request log, panic recovery, host check, client
// IP). No route of a front end is handled here.
package httpx

import (
	"log/slog"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/signer"
)

// HealthPath answers 200 while the database answers, with no session, for
// any host name, and under a base path at the root too.
const HealthPath = "/healthz"

// Base is what the front ends' handlers share: the configuration, the log,
// the server secret's signer, and the state of the shared middleware.
type Base struct {
	Log    *slog.Logger
	Cfg    Config
	Signer signer.Signer // HMACs with the server secret: form tokens, device cookies, notices

	// Router is the assembled routes, for a 405's Allow header and for a
	// form carried through sign-in (see auth's resumePost); the
	// server sets it once the routes are built.
	Router chi.Router

	diskFullLog throttledLog // see DiskFull
	csp         string       // the Content-Security-Policy; see SecurityHeaders

	securityHeaders []headerField // made from csp once; see SecurityHeaders
}

// NewBase returns the shared part of every front end. secret is the
// server secret the signer keys its HMACs with.
func NewBase(log *slog.Logger, cfg Config, secret []byte) *Base {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	b := &Base{Log: log, Cfg: cfg, Signer: signer.New(secret), csp: contentSecurityPolicy}
	if cfg.ProviderOrigin != "" {
		b.csp += " " + cfg.ProviderOrigin
	}
	b.securityHeaders = securityHeaders(b.csp)
	return b
}

// Now is the server's clock; see Config.Now.
func (s *Base) Now() time.Time { return s.Cfg.Now() }
