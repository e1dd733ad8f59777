package httpx

import (
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5/middleware"
)

// HostAllowed defends against DNS rebinding: a page on a hostname the
// attacker points at 127.0.0.1 reaches this server with that name in Host,
// and Go's cross-origin check then passes because Origin equals Host. With
// a public URL configured only its host is served; without one, only IP
// literals and localhost, whatever the listen address. /healthz stays open
// to every host, since container health checks call it by address.
func (s *Base) HostAllowed(r *http.Request) bool {
	if r.URL.Path == HealthPath || r.URL.Path == s.Cfg.BasePath+HealthPath {
		return true
	}
	return s.HostNameAllowed(r.Host)
}

// HostNameAllowed applies HostAllowed's rule to a Host value, port and
// all.
func (s *Base) HostNameAllowed(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if s.Cfg.PublicOrigin != "" {
		u, err := url.Parse(s.Cfg.PublicOrigin)
		return err == nil && strings.EqualFold(host, u.Hostname())
	}
	if host == "localhost" {
		return true
	}
	_, err := netip.ParseAddr(host)
	return err == nil
}

// Misdirected answers 421 (RFC 9110 §15.5.20): this server is not the one
// for that host name.
func (s *Base) Misdirected(w http.ResponseWriter, r *http.Request) {
	s.Log.Warn("refused a request for another host name", "host", r.Host, "request_id", middleware.GetReqID(r.Context()))
	s.SecurityHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.RenderError(w, r, http.StatusMisdirectedRequest, "This server does not answer to that host name. Use the address it was set up with.")
	})).ServeHTTP(w, r)
}
