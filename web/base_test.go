package web

import (
	"context"
	"testing"
)

func TestLinksCarryTheBasePath(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		base, path, want string
	}{
		{"", "/entries", "/entries"},
		{"/leadup", "/entries/3", "/leadup/entries/3"},
		{"/leadup", "/", "/leadup/"},
		// u goes through templ.URL's check: a path can never become a script.
		{"", "javascript:alert(1)", "about:invalid#TemplFailedSanitizationURL"},
	}
	for _, tt := range tests {
		if got := string(u(WithBase(ctx, tt.base), tt.path)); got != tt.want {
			t.Errorf("u(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}
