package httpx

import (
	"context"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// statusOf maps an error code to its HTTP status.
func statusOf(code string) int {
	switch code {
	case journal.EINVALID:
		return http.StatusUnprocessableEntity
	case journal.ENOTFOUND:
		return http.StatusNotFound
	case journal.ECONFLICT:
		return http.StatusConflict
	case journal.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case journal.EFORBIDDEN:
		return http.StatusForbidden
	default:
		return http.StatusInternalServerError
	}
}

// Fail answers any error: an application error with its status and safe
// message, anything else as a logged 500.
func (s *Base) Fail(w http.ResponseWriter, r *http.Request, err error) {
	code := journal.ErrorCode(err)
	if code == journal.EINTERNAL {
		s.ServerError(w, r, err)
		return
	}
	s.RenderError(w, r, statusOf(code), journal.ErrorMessage(err))
}

// ServerError logs err with the request id and shows a generic page that
// quotes the id: the error's text may hold internals and is never shown.
func (s *Base) ServerError(w http.ResponseWriter, r *http.Request, err error) {
	if core.IsDiskFull(err) {
		s.DiskFull(w, r, err)
		return
	}
	if s.stoppedAtDeadline(r, err) {
		s.RenderError(w, r, http.StatusServiceUnavailable, deadlineMessage)
		return
	}
	s.Log.Error("internal error", "err", err, "method", r.Method, "path", r.URL.Path,
		"request_id", middleware.GetReqID(r.Context()))
	s.RenderError(w, r, http.StatusInternalServerError, "Something went wrong on our side, and nothing was saved by this request.")
}

// RenderError shows the error page with status and a safe message.
func (s *Base) RenderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	p := web.Page{Title: http.StatusText(status)}
	if u := UserFrom(r.Context()); u != nil {
		p.User = &web.Viewer{DisplayName: u.DisplayName}
	}
	v := web.ErrorView{Status: status, Message: msg, RequestID: middleware.GetReqID(r.Context())}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	// The request's context may have ended (its deadline is why we are
	// here): the error page must render all the same.
	ctx := context.WithoutCancel(s.PageContext(r))
	if err := web.ErrorPage(p, v).Render(web.WithBase(ctx, s.Cfg.BasePath), w); err != nil {
		s.Log.Error("render error page", "err", err)
	}
}

func (s *Base) HandleNotFound(w http.ResponseWriter, r *http.Request) {
	s.RenderError(w, r, http.StatusNotFound, "There is nothing here. The link may be old, or the record may have been deleted.")
}

func (s *Base) HandleMethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.SetAllow(w, r)
	s.RenderError(w, r, http.StatusMethodNotAllowed, "That page does not take this kind of request.")
}

func (s *Base) HandleTooManyRequests(w http.ResponseWriter, r *http.Request) {
	s.RenderError(w, r, http.StatusTooManyRequests, "Too many attempts. Wait a few minutes, then try again.")
}
