package api

import (
	"net/http"

	"github.com/leadup/leadup/internal/server/apidoc"
)

// HandleOpenAPI serves the API's description; it holds no user data, so
// it needs no token.
func (s *Handler) HandleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(apidoc.OpenAPI)
}
