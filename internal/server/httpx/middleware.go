package httpx

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// contentSecurityPolicy allows only this origin's own files: no inline
// script or style, no plugins, no framing, forms post only here.
const contentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// SecurityHeaders sets the headers every answer carries. The policy is
// contentSecurityPolicy, with the OpenID provider's origin added to
// form-action when sign-in goes through one: the sign-in form that carries
// a typed entry through the provider posts here and is redirected there,
// and Chromium checks form-action along the redirect.
func (s *Base) SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, f := range s.securityHeaders {
			h[f.name] = f.value
		}
		next.ServeHTTP(w, r)
	})
}

// headerField is one header and its value, for a header every answer
// carries: the value's slice is shared by every answer, at full capacity
// so that an Add to it copies first, and nobody writes into it.
type headerField struct {
	name  string // canonical, as http.Header keys it
	value []string
}

// securityHeaders are the fields SecurityHeaders sets, made once. csp
// is the Content-Security-Policy (see NewBase).
func securityHeaders(csp string) []headerField {
	fields := []headerField{
		{"Content-Security-Policy", []string{csp}},
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Referrer-Policy", []string{"same-origin"}},
		{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
		{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=(), interest-cohort=()"}},
		// Every answer is someone's own journal, a feed, an export or a
		// door to them: none belongs in a search index.
		{"X-Robots-Tag", []string{"noindex"}},
	}
	for i, f := range fields {
		fields[i].name = http.CanonicalHeaderKey(f.name)
		fields[i].value = f.value[:1:1]
	}
	return fields
}

// noStore is NoStore's header value, shared as securityHeaders' are.
var noStore = []string{"no-store"}

// NoStore keeps pages, which may show a user's notes, out of every cache.
func NoStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Cache-Control"] = noStore[:1:1]
		next.ServeHTTP(w, r)
	})
}

// LimitBody caps what a request body may hold: a larger one fails its read
// with 413. Routes declare their cap in routes.go.
func LimitBody(limit int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
			next.ServeHTTP(w, r)
		})
	}
}

// CrossOriginProtection refuses cross-site form posts with Go's
// Sec-Fetch-Site and Origin checks, which need no token in the forms.
func (s *Base) CrossOriginProtection(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	if s.Cfg.PublicOrigin != "" {
		// Behind a proxy the Host header may not be the public one.
		if err := cop.AddTrustedOrigin(s.Cfg.PublicOrigin); err != nil {
			panic(err) // the origin is validated with the configuration
		}
	}
	// An unsubscribe link's token is its only credential (no cookie is
	// read), so a cross-site POST to it forges nothing; a mail client's
	// RFC 8058 one-click POST may come from anywhere.
	cop.AddInsecureBypassPattern("POST /unsubscribe/{token}")
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path,
			"origin", r.Header.Get("Origin"), "request_id", middleware.GetReqID(r.Context()))
		if strings.HasPrefix(r.URL.Path, "/api/") {
			WriteAPIError(w, http.StatusForbidden, "cross_origin", "A browser sent this from another site without a token, so it was refused.", nil)
			return
		}
		s.RenderError(w, r, http.StatusForbidden, "This form was sent from another site, so it was refused.")
	}))
	checked := cop.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isAPIBearer(r) {
			next.ServeHTTP(w, r) // a bearer token is proof enough; see isAPIBearer
			return
		}
		checked.ServeHTTP(w, r)
	})
}

func (s *Base) RecoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.ServerError(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// LogRequests writes one structured line per request. It logs the route
// pattern, never query strings or form values, which can hold notes.
func (s *Base) LogRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		info := &requestInfo{}
		next.ServeHTTP(infoWriter{ww, info}, r.WithContext(withRequestInfo(r.Context(), info)))
		route := chi.RouteContext(r.Context()).RoutePattern()
		if route == "" {
			route = "unmatched"
		}
		// Mostly a client that hung up, hence a warning; a value that could
		// not be encoded also answered 500, which the request line logs as
		// an error.
		if info.writeErr != nil {
			s.Log.Warn("write response", "err", info.writeErr, "method", r.Method, "route", route,
				"request_id", middleware.GetReqID(r.Context()))
		}
		if s.Cfg.Metrics != nil {
			s.Cfg.Metrics.observe(r.Method, route, ww.Status(), time.Since(start))
		}
		level := slog.LevelInfo
		if ww.Status() >= 500 {
			level = slog.LevelError
		}
		s.Log.LogAttrs(r.Context(), level, "request",
			slog.String("method", r.Method),
			slog.String("route", route),
			slog.Int("status", ww.Status()),
			slog.Duration("duration", time.Since(start)),
			slog.Int("bytes", ww.BytesWritten()),
			slog.String("request_id", middleware.GetReqID(r.Context())),
			slog.Int64("user_id", info.userID),
		)
	})
}
