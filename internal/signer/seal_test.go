package signer

import (
	"bytes"
	"strings"
	"testing"
)

func TestSealOpen(t *testing.T) {
	s := New([]byte("0123456789abcdef0123456789abcdef"))
	other := New([]byte("fedcba9876543210fedcba9876543210"))
	secret := []byte(`{"i":1234567}`)
	sealed := s.Seal("cursor", secret, "user-1")
	if strings.Contains(sealed, "1234567") || s.Seal("cursor", secret, "user-1") == sealed {
		t.Fatalf("sealed %q shows its text or is the same twice", sealed)
	}
	flipped := []byte(sealed)
	flipped[len(flipped)/2] ^= 1
	tests := []struct {
		name    string
		signer  Signer
		sealed  string
		purpose string
		bound   []string
		want    bool
	}{
		{"same everything", s, sealed, "cursor", []string{"user-1"}, true},
		{"other purpose", s, sealed, "form", []string{"user-1"}, false},
		{"other bound", s, sealed, "cursor", []string{"user-2"}, false},
		{"bound split differently", s, sealed, "cursor", []string{"user-", "1"}, false},
		{"other key", other, sealed, "cursor", []string{"user-1"}, false},
		{"changed", s, string(flipped), "cursor", []string{"user-1"}, false},
		{"truncated", s, sealed[:20], "cursor", []string{"user-1"}, false},
		{"not base64", s, "!!!", "cursor", []string{"user-1"}, false},
		{"empty", s, "", "cursor", []string{"user-1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.signer.Open(tt.sealed, tt.purpose, tt.bound...)
			if ok != tt.want || ok && !bytes.Equal(got, secret) {
				t.Errorf("Open = %q, %v; want ok %v", got, ok, tt.want)
			}
		})
	}
}

// BenchmarkSealOpen is the cost a page of the API's entry list adds: one
// cursor sealed for the answer and one opened from the request.
func BenchmarkSealOpen(b *testing.B) {
	s := New([]byte("0123456789abcdef0123456789abcdef"))
	cursor := []byte(`{"d":"2026-01-05","i":987651,"o":50}`)
	for b.Loop() {
		if _, ok := s.Open(s.Seal("api-entry-cursor", cursor, "42"), "api-entry-cursor", "42"); !ok {
			b.Fatal("open failed")
		}
	}
}
