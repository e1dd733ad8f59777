package httpx

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestSecurityHeadersAreMadeOnce: every answer carries the same header
// fields, built when the server starts, so setting them allocates nothing
// per request; an Add by a handler does not reach the next answer.
func TestSecurityHeadersAreMadeOnce(t *testing.T) {
	b := NewBase(slog.New(slog.NewTextHandler(io.Discard, nil)), Config{ProviderOrigin: "https://id.example"}, []byte("secret"))
	h := b.SecurityHeaders(NoStore(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})))
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if n := testing.AllocsPerRun(100, func() { h.ServeHTTP(rec, req) }); n != 0 {
		t.Errorf("security headers allocate %.0f times per request, want 0", n)
	}
	want := map[string]string{
		"Content-Security-Policy": contentSecurityPolicy + " https://id.example",
		"X-Content-Type-Options":  "nosniff",
		"X-Robots-Tag":            "noindex",
		"Cache-Control":           "no-store",
	}
	for k, v := range want {
		if got := rec.Header().Values(k); len(got) != 1 || got[0] != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	rec.Header().Add("Cache-Control", "private")
	rec.Header().Add("X-Robots-Tag", "nofollow")
	next := httptest.NewRecorder()
	h.ServeHTTP(next, req)
	if got := next.Header().Values("Cache-Control"); len(got) != 1 || got[0] != "no-store" {
		t.Errorf("the next answer's Cache-Control = %q, want [no-store]", got)
	}
	if got := next.Header().Values("X-Robots-Tag"); len(got) != 1 || got[0] != "noindex" {
		t.Errorf("the next answer's X-Robots-Tag = %q, want [noindex]", got)
	}
}
