package httpx

import (
	"net/netip"
	"time"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/remind"
)

// Cookie security modes.
const (
	SecureAuto   = "auto" // Secure when the request came over HTTPS
	SecureAlways = "always"
	SecureNever  = "never"
)

// Config is the part of the configuration every front end reads; the
// server fills it from its own (see server.Config, which documents each
// field).
type Config struct {
	SecureCookies  string
	RequestTimeout time.Duration
	BasePath       string
	PublicOrigin   string
	TrustedProxies []netip.Prefix

	// Now is the clock; nil is time.Now.
	Now func() time.Time

	Metrics   *Metrics       // nil when metrics are off
	Reminders *remind.Runner // nil when mail is off
	Languages *i18n.Catalog  // the pages' message catalog and default language

	// ProviderOrigin is the OpenID provider's origin ("" when sign-in
	// does not go through one): forms may post to it through a redirect;
	// see SecurityHeaders.
	ProviderOrigin string
}
