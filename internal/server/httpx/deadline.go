package httpx

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5/middleware"
)

// RequestDeadline ends the request's context after RequestTimeout. Every
// query runs under that context, and modernc's driver calls
// sqlite3_interrupt when it ends, so no request can hold a connection
// longer than this.
func (s *Base) RequestDeadline(next http.Handler) http.Handler {
	return Deadline(s.Cfg.RequestTimeout)(next)
}

// deadlineMessage tells the user why a request ended at its deadline.
const deadlineMessage = "This took too long and was stopped, and nothing was saved by it. Try again, or narrow a search."

// stoppedAtDeadline reports whether r's deadline ended it, and if so logs
// err as a warning: the answer is then 503, not a 500.
func (s *Base) stoppedAtDeadline(r *http.Request, err error) bool {
	if !errors.Is(r.Context().Err(), context.DeadlineExceeded) {
		return false
	}
	s.Log.Warn("request stopped at its deadline", "err", err, "method", r.Method, "path", r.URL.Path,
		"request_id", middleware.GetReqID(r.Context()))
	return true
}

// Deadline ends the request's context after d; 0 or less leaves it be.
// An import gets its own (ImportTimeout), long enough to receive a large
// file over a slow line.
func Deadline(d time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if d <= 0 {
				next.ServeHTTP(w, r)
				return
			}
			ctx, cancel := context.WithTimeout(r.Context(), d)
			defer cancel()
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}
