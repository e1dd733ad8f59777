package server

import (
	"context"
	"net/http"
	"time"
)

// healthTimeout bounds /healthz's query, well inside a container health
// check's usual few seconds, so it answers 503 rather than hang.
const healthTimeout = 2 * time.Second

// requestDeadline ends the request's context after RequestTimeout. Every
// query runs under that context, and modernc's driver calls
// sqlite3_interrupt when it ends, so no request can hold a connection
// longer than this.
func (s *Server) requestDeadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.RequestTimeout <= 0 {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
