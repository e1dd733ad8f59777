package httpx

import (
	"net/http"
	"net/netip"
	"strings"
)

// Secure reports whether cookies on this request get the Secure flag.
func (s *Base) Secure(r *http.Request) bool {
	switch s.Cfg.SecureCookies {
	case SecureAlways:
		return true
	case SecureNever:
		return false
	default:
		return r.TLS != nil || strings.HasPrefix(s.Cfg.PublicOrigin, "https://") ||
			(s.TrustedPeer(r) && r.Header.Get("X-Forwarded-Proto") == "https")
	}
}

func (s *Base) CookiePath() string { return s.Cfg.BasePath + "/" }

// TrustedPeer reports whether the TCP peer is one of the trusted proxies.
func (s *Base) TrustedPeer(r *http.Request) bool {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := ap.Addr().Unmap()
	for _, p := range s.Cfg.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}
