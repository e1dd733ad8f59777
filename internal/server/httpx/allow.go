package httpx

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
)

// RoutedMethods are the methods a route may answer, in the order Allow
// lists them.
var RoutedMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// SetAllow puts the Allow header on a 405 (RFC 9110 §15.5.6): every method
// the router answers at the request's path, HEAD wherever GET is. It asks
// the router itself, so both 405 handlers, pages and API, stay true to
// routes.go without a list of their own.
func (s *Base) SetAllow(w http.ResponseWriter, r *http.Request) {
	path := r.URL.RawPath
	if path == "" {
		path = r.URL.Path
	}
	var allow []string
	routed := func(m string) bool { return s.Router.Match(chi.NewRouteContext(), m, path) }
	for _, m := range RoutedMethods {
		// A HEAD without its own route goes to GET (middleware.GetHead).
		if routed(m) || m == http.MethodHead && routed(http.MethodGet) {
			allow = append(allow, m)
		}
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
}
