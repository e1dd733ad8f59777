package server

import (
	"context"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
)

// tokenKey holds the API token a request authenticated with.
const tokenKey ctxKey = 100

// tokenPrefix starts every personal API token, so that a leaked one is
// easy to recognise in logs and by secret scanners.
const tokenPrefix = "lu_"

// apiError is the body of every API error (RFC 6750 names the 401 and
// 403 challenges; the body says the same in words).
type apiError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields"`
}

// writeAPIError answers status with {"error": {...}}. Every 401 carries a
// Bearer challenge (RFC 6750 §3); a read token writing gets 403 with
// insufficient_scope.
func writeAPIError(w http.ResponseWriter, status int, code, msg string, fields map[string]string) {
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
	writeAPI(w, status, map[string]apiError{"error": {Code: code, Message: msg, Fields: fields}})
}

// apiFail answers an error from the domain or the store: its code and safe
// message, a 503 when the request's deadline stopped it, or a logged 500
// that shows neither.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	code := journal.ErrorCode(err)
	if code == journal.EINTERNAL && s.stoppedAtDeadline(r, err) {
		writeAPIError(w, http.StatusServiceUnavailable, "timeout", deadlineMessage, nil)
		return
	}
	if code == journal.EINTERNAL && core.IsDiskFull(err) {
		s.logDiskFull(r, err)
		writeAPIError(w, http.StatusInsufficientStorage, "disk_full", diskFullMessage, nil)
		return
	}
	if code == journal.EINTERNAL {
		s.log.Error("internal error", "err", err, "method", r.Method, "path", r.URL.Path,
			"request_id", middleware.GetReqID(r.Context()))
		writeAPIError(w, http.StatusInternalServerError, code,
			"Something went wrong on our side, and nothing was saved by this request. Request id: "+middleware.GetReqID(r.Context()), nil)
		return
	}
	writeAPIError(w, statusOf(code), code, journal.ErrorMessage(err), wireErrors(apiFields, err))
}

// readJSON decodes a request body into v: 415 unless it is JSON, 413 when
// over the body limit, 400 when malformed or naming an unknown field (a
// misspelt field would otherwise be dropped without a word).
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		writeAPIError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "Send the body as application/json.", nil)
		return false
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
		return true
	case errors.As(err, &tooBig):
		writeAPIError(w, http.StatusRequestEntityTooLarge, "too_large", "The body is larger than leadup accepts ("+strconv.FormatInt(tooBig.Limit, 10)+" bytes).", nil)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		writeAPIError(w, http.StatusBadRequest, "bad_request", "The body has a field leadup does not know: "+strings.TrimPrefix(err.Error(), "json: unknown field ")+".", nil)
	default:
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			writeAPIError(w, http.StatusBadRequest, "bad_request", "The field "+typeErr.Field+" has the wrong type.", map[string]string{typeErr.Field: "Wrong type: " + typeErr.Value + "."})
			return false
		}
		writeAPIError(w, http.StatusBadRequest, "bad_request", "The body is not a valid JSON object.", nil)
	}
	return false
}

// bearerToken returns the token of an "Authorization: Bearer" header.
func bearerToken(r *http.Request) (string, bool) {
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
	_, ok := bearerToken(r)
	return ok && strings.HasPrefix(r.URL.Path, "/api/")
}

func tokenFrom(ctx context.Context) *journal.APIToken {
	t, _ := ctx.Value(tokenKey).(*journal.APIToken)
	return t
}

// apiAuth authenticates /api/v1 requests by their bearer token alone:
// session cookies are never read there, so a page a user visits cannot
// call the API as them. Each user is rate limited over all their tokens,
// so that minting more tokens buys no more requests.
func (s *Server) apiAuth() func(http.Handler) http.Handler {
	limiter := httprate.NewRateLimiter(s.cfg.APIRequests, s.cfg.APIWindow,
		httprate.WithLimitHandler(func(w http.ResponseWriter, r *http.Request) {
			writeAPIError(w, http.StatusTooManyRequests, "rate_limited", "Too many requests from this account. Wait a little, then try again.", nil)
		}))
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw, ok := bearerToken(r)
			if !ok {
				writeAPIError(w, http.StatusUnauthorized, "unauthorized",
					"Send a personal API token as “Authorization: Bearer <token>”. Create one under Settings → API tokens.", nil)
				return
			}
			ctx := r.Context()
			tok, user, err := s.core.APITokenOwner(ctx, hashToken(raw))
			if journal.ErrorCode(err) == journal.ENOTFOUND {
				writeAPIError(w, http.StatusUnauthorized, "invalid_token", "That token is not known here.", nil)
				return
			}
			if err != nil {
				s.apiFail(w, r, err)
				return
			}
			now := s.now()
			if !tok.Usable(journal.Today(now, user.Location())) {
				writeAPIError(w, http.StatusUnauthorized, "invalid_token", "That token was revoked or has expired.", nil)
				return
			}
			if limiter.RespondOnLimit(w, r, "user:"+strconv.FormatInt(user.ID, 10)) {
				return
			}
			if err := s.core.APITokenUsed(ctx, tok, now); err != nil {
				s.apiFail(w, r, err)
				return
			}
			ctx = context.WithValue(withUser(ctx, user, nil), tokenKey, tok)
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// requireWriteScope refuses changes from a read-only token.
func requireWriteScope(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if t := tokenFrom(r.Context()); t == nil || !t.CanWrite() {
			writeAPIError(w, http.StatusForbidden, "insufficient_scope", "This token may only read. Create a token with the write scope to make changes.", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) handleAPINotFound(w http.ResponseWriter, r *http.Request) {
	writeAPIError(w, http.StatusNotFound, journal.ENOTFOUND, "There is no such API endpoint.", nil)
}

func (s *Server) handleAPIMethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.setAllow(w, r)
	writeAPIError(w, http.StatusMethodNotAllowed, "method_not_allowed", "This endpoint does not take "+r.Method+".", nil)
}
