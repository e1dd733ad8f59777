package journal

import (
	"strings"
	"testing"
)

func TestParsePage(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"", 1, true},
		{"1", 1, true},
		{"2", 2, true},
		{"1000000", MaxPage, true},
		{"1000001", 0, false},
		{"0", 0, false},
		{"-1", 0, false},
		{"9223372036854775807", 0, false},
		{"99999999999999999999", 0, false},
		{"two", 0, false},
		{"1e3", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParsePage(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParsePage(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCheckSearch(t *testing.T) {
	tests := []struct {
		q  string
		ok bool
	}{
		{"budget", true},
		{strings.Repeat("a ", MaxSearchTerms), true},
		{strings.Repeat("a ", MaxSearchTerms+1), false},
		{`"` + strings.Repeat("a ", MaxSearchTerms+1) + `"`, false}, // words in a phrase count too
		{strings.Repeat("é", MaxSearchChars), true},
		{strings.Repeat("é", MaxSearchChars+1), false},
		{strings.Repeat("* ", 90), true}, // no words at all: nothing to search
	}
	for _, tt := range tests {
		if got := CheckSearch(tt.q) == ""; got != tt.ok {
			t.Errorf("CheckSearch(%.40q): ok %v, want %v", tt.q, got, tt.ok)
		}
	}
}
