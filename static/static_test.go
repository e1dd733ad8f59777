package static

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The stylesheet and scripts are served minified with their own types;
// other files as they are.
func TestHandlerServesMinifiedAssets(t *testing.T) {
	h := Handler()
	tests := []struct {
		name, contentType, mustHold string
		smaller                     bool
	}{
		{"style.css", "text/css; charset=utf-8", ".toggle", true},
		{"app.js", "text/javascript; charset=utf-8", "localStorage", true},
		{"sw.js", "text/javascript; charset=utf-8", "caches", true},
		{"icon.svg", "image/svg+xml", "<svg", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", Path(tt.name), nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			if ct := rec.Header().Get("Content-Type"); ct != tt.contentType {
				t.Errorf("Content-Type %q, want %q", ct, tt.contentType)
			}
			if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
				t.Errorf("Cache-Control %q, want immutable for the current version", cc)
			}
			src, err := files.ReadFile(tt.name)
			if err != nil {
				t.Fatal(err)
			}
			body := rec.Body.String()
			if got := len(body) < len(src); got != tt.smaller {
				t.Errorf("served %d bytes of a %d-byte source; smaller = %v, want %v", len(body), len(src), got, tt.smaller)
			}
			if !strings.Contains(body, tt.mustHold) {
				t.Errorf("served %s lacks %q", tt.name, tt.mustHold)
			}
		})
	}
}
