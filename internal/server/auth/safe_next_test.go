package auth

import "testing"

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/entries?page=2": "/entries?page=2",
		"//x":             "/",
		"/\\x":            "/",
		"http://x":        "/",
		"javascript:x":    "/",
		"x":               "/",
		"/a\nb":           "/",
	} {
		if got := SafeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}
