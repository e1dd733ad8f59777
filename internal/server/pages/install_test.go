package pages

import "testing"

// TestSharedNotes: what the share target puts in a new entry's notes.
func TestSharedNotes(t *testing.T) {
	tests := []struct{ text, url, want string }{
		{"", "", ""},
		{"Just text", "", "Just text"},
		{"", "https://a.example", "https://a.example"},
		{"Look https://a.example", "https://a.example", "Look https://a.example"},
		{"Look", "https://a.example", "Look\n\nhttps://a.example"},
	}
	for _, tt := range tests {
		if got := sharedNotes(tt.text, tt.url); got != tt.want {
			t.Errorf("sharedNotes(%q, %q) = %q, want %q", tt.text, tt.url, got, tt.want)
		}
	}
}
