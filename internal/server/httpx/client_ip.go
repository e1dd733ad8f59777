package httpx

import (
	"net/http"

	"github.com/go-chi/chi/v5/middleware"
)

// ClientIP records the client's address for throttling and logs: the TCP
// peer, or, when the peer is a trusted proxy, what it put in
// X-Forwarded-For. A client's own X-Forwarded-For is never believed.
func (s *Base) ClientIP() func(http.Handler) http.Handler {
	if len(s.Cfg.TrustedProxies) == 0 {
		return middleware.ClientIPFromRemoteAddr
	}
	prefixes := make([]string, len(s.Cfg.TrustedProxies))
	for i, p := range s.Cfg.TrustedProxies {
		prefixes[i] = p.String()
	}
	return middleware.ClientIPFromXFF(prefixes...)
}
