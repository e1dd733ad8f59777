// Package api is leadup's JSON API under /api/v1: its handlers, the
// OpenAPI document, idempotent creation and the API's field names. The
// bearer-token sign-in in front of it is package auth's.
package api

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

// readJSON decodes a request body into v: 415 unless it is JSON, 413 when
// over the body limit, 400 when malformed or naming an unknown field (a
// misspelt field would otherwise be dropped without a word).
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		httpx.WriteAPIError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "Send the body as application/json.", nil)
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
		httpx.WriteAPIError(w, http.StatusRequestEntityTooLarge, "too_large", "The body is larger than leadup accepts ("+strconv.FormatInt(tooBig.Limit, 10)+" bytes).", nil)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		httpx.WriteAPIError(w, http.StatusBadRequest, "bad_request", "The body has a field leadup does not know: "+strings.TrimPrefix(err.Error(), "json: unknown field ")+".", nil)
	default:
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			httpx.WriteAPIError(w, http.StatusBadRequest, "bad_request", "The field "+typeErr.Field+" has the wrong type.", map[string]string{typeErr.Field: "Wrong type: " + typeErr.Value + "."})
			return false
		}
		httpx.WriteAPIError(w, http.StatusBadRequest, "bad_request", "The body is not a valid JSON object.", nil)
	}
	return false
}

func (s *Handler) HandleAPINotFound(w http.ResponseWriter, r *http.Request) {
	httpx.WriteAPIError(w, http.StatusNotFound, journal.ENOTFOUND, "There is no such API endpoint.", nil)
}

func (s *Handler) HandleAPIMethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.SetAllow(w, r)
	httpx.WriteAPIError(w, http.StatusMethodNotAllowed, "method_not_allowed", "This endpoint does not take "+r.Method+".", nil)
}

// fail answers an error as APIFail does, with the API's field names.
func (s *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.APIFail(w, r, err, apiFields)
}

// Handler answers the API's requests.
type Handler struct {
	*httpx.Base
	core *core.Core
}

// New returns the API's handler over the use cases c.
func New(base *httpx.Base, c *core.Core) *Handler {
	return &Handler{Base: base, core: c}
}
