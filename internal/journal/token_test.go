package journal

import (
	"strings"
	"testing"
	"time"
)

func TestTokenInputValidate(t *testing.T) {
	const today = "2026-11-27"
	tests := []struct {
		name  string
		in    TokenInput
		field string // "" when valid
	}{
		{"valid, no expiry", TokenInput{Name: " phone ", Scope: ScopeWrite}, ""},
		{"valid, expires today", TokenInput{Name: "cron", Scope: ScopeRead, ExpiresOn: today}, ""},
		{"empty name", TokenInput{Name: "  ", Scope: ScopeRead}, "name"},
		{"long name", TokenInput{Name: strings.Repeat("x", MaxTokenNameChars+1), Scope: ScopeRead}, "name"},
		{"unknown scope", TokenInput{Name: "x", Scope: "admin"}, "scope"},
		{"malformed date", TokenInput{Name: "x", Scope: ScopeRead, ExpiresOn: "27.11.2026"}, "expires_on"},
		{"past date", TokenInput{Name: "x", Scope: ScopeRead, ExpiresOn: "2026-11-26"}, "expires_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Validate(today)
			got := FieldErrors(err)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				return
			}
			if got[tt.field] == "" {
				t.Fatalf("got errors %v, want one for %q", got, tt.field)
			}
		})
	}
}

func TestAPITokenUsable(t *testing.T) {
	now := time.Now()
	tests := []struct {
		name  string
		tok   APIToken
		today string
		want  bool
	}{
		{"no expiry", APIToken{}, "2026-11-27", true},
		{"last day", APIToken{ExpiresOn: "2026-11-27"}, "2026-11-27", true},
		{"day after", APIToken{ExpiresOn: "2026-11-27"}, "2026-11-28", false},
		{"revoked", APIToken{RevokedAt: &now}, "2026-11-27", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.tok.Usable(tt.today); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
