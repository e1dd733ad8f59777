package server

import (
	"context"
	"net/http"
	"time"
)

// healthTimeout bounds /healthz's query, well inside a container health
// check's usual few seconds, so it answers 503 rather than hang.
const healthTimeout = 2 * time.Second

// handleHealth answers HealthPath: 200 while the database answers.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
	defer cancel()
	if err := s.core.Ping(ctx); err != nil {
		s.Log.Error("health check", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return
	}
	w.Write([]byte("ok\n"))
}
