package journal

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSummaryFromTitle(t *testing.T) {
	long := strings.Repeat("word ", 60) // 300 characters
	tests := []struct {
		name, title, want string
		cut               bool
	}{
		{"empty", "", "", false},
		{"plain", "Q4 plan: what ships", "Q4 plan: what ships", false},
		{"spaces and breaks fold", "  Q4\tplan\r\n  review ", "Q4 plan review", false},
		{"control characters go", "Q4\x00plan\x1b", "Q4 plan", false},
		{"invalid UTF-8 goes", "Q4 \xffplan", "Q4 plan", false},
		{"long, cut at a word", long, strings.TrimSpace(strings.Repeat("word ", 39)) + "…", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := SummaryFromTitle(tt.title)
			if got != tt.want || cut != tt.cut {
				t.Errorf("got %q (cut %v), want %q (cut %v)", got, cut, tt.want, tt.cut)
			}
			if n := utf8.RuneCountInString(got); n > MaxSummaryChars || CheckLine(got) != "" {
				t.Errorf("%q (%d characters) is no valid summary", got, n)
			}
		})
	}
}
