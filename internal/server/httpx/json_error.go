package httpx

// The JSON API's error body lives here, beside the pages' error page,
// because three front ends answer with it: the API's handlers, the bearer
// sign-in in front of them (package auth) and the shared cross-origin
// check on /api/ paths.

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
)

// APIError is the body of every API error (RFC 6750 names the 401 and
// 403 challenges; the body says the same in words).
type APIError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields"`
}

// WriteAPIError answers status with {"error": {...}}. Every 401 carries a
// Bearer challenge (RFC 6750 §3); a read token writing gets 403 with
// insufficient_scope.
func WriteAPIError(w http.ResponseWriter, status int, code, msg string, fields map[string]string) {
	switch {
	case status == http.StatusUnauthorized && code == "invalid_token":
		w.Header().Set("WWW-Authenticate", `Bearer realm="leadup", error="invalid_token"`)
	case status == http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="leadup"`)
	case code == "insufficient_scope":
		w.Header().Set("WWW-Authenticate", `Bearer realm="leadup", error="insufficient_scope", scope="write"`)
	}
	if fields == nil {
		fields = map[string]string{}
	}
	WriteAPI(w, status, map[string]APIError{"error": {Code: code, Message: msg, Fields: fields}})
}

// APIFail answers an error from the domain or the store: its code and safe
// message with its field messages under the API's names (names: see
// WireErrors), a 503 when the request's deadline stopped it, or a logged
// 500 that shows neither.
func (s *Base) APIFail(w http.ResponseWriter, r *http.Request, err error, names map[string]string) {
	code := journal.ErrorCode(err)
	if code == journal.EINTERNAL && s.stoppedAtDeadline(r, err) {
		WriteAPIError(w, http.StatusServiceUnavailable, "timeout", deadlineMessage, nil)
		return
	}
	if code == journal.EINTERNAL && core.IsDiskFull(err) {
		s.logDiskFull(r, err)
		WriteAPIError(w, http.StatusInsufficientStorage, "disk_full", diskFullMessage, nil)
		return
	}
	if code == journal.EINTERNAL {
		s.Log.Error("internal error", "err", err, "method", r.Method, "path", r.URL.Path,
			"request_id", middleware.GetReqID(r.Context()))
		WriteAPIError(w, http.StatusInternalServerError, code,
			"Something went wrong on our side, and nothing was saved by this request. Request id: "+middleware.GetReqID(r.Context()), nil)
		return
	}
	WriteAPIError(w, statusOf(code), code, journal.ErrorMessage(err), wireErrors(names, err))
}

// BearerToken returns the token of an "Authorization: Bearer" header.
func BearerToken(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// isAPIBearer reports whether r is an API call carrying a bearer token: a
// page cannot make a browser attach one to a cross-site request, so the
// browser cross-origin check does not apply to it.
func isAPIBearer(r *http.Request) bool {
	_, ok := BearerToken(r)
	return ok && strings.HasPrefix(r.URL.Path, "/api/")
}
