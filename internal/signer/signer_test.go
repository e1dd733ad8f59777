package signer

import (
	"fmt"
	"strings"
	"testing"
)

func TestSignVerify(t *testing.T) {
	s := New([]byte("0123456789abcdef0123456789abcdef"))
	other := New([]byte("fedcba9876543210fedcba9876543210"))
	tag := s.Sign("form", "user-1", "nonce")
	tests := []struct {
		name    string
		signer  Signer
		tag     string
		purpose string
		parts   []string
		want    bool
	}{
		{"same everything", s, tag, "form", []string{"user-1", "nonce"}, true},
		{"other purpose", s, tag, "unsubscribe", []string{"user-1", "nonce"}, false},
		{"other user", s, tag, "form", []string{"user-2", "nonce"}, false},
		{"parts split differently", s, tag, "form", []string{"user-1n", "once"}, false},
		{"other key", other, tag, "form", []string{"user-1", "nonce"}, false},
		{"not base64", s, "!!!", "form", []string{"user-1", "nonce"}, false},
		{"truncated", s, tag[:10], "form", []string{"user-1", "nonce"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.signer.Verify(tt.tag, tt.purpose, tt.parts...); got != tt.want {
				t.Errorf("Verify = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestVerifyRefusesAnotherSpelling: a tag is 32 bytes, 43 base64
// characters whose last carries two unused bits. A lenient decoder reads
// a last character with those bits changed as the same tag, so a forged
// spelling of a real tag would pass; only Sign's own spelling may.
func TestVerifyRefusesAnotherSpelling(t *testing.T) {
	s := New([]byte("a secret of the server, long enough"))
	for i := range 64 {
		part := fmt.Sprint("user ", i)
		tag := s.Sign("form", part)
		if !s.Verify(tag, "form", part) {
			t.Fatal("the tag Sign wrote does not verify")
		}
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		last := strings.IndexByte(alphabet, tag[len(tag)-1])
		other := tag[:len(tag)-1] + string(alphabet[last^1]) // flips an unused bit
		if s.Verify(other, "form", part) {
			t.Fatalf("%q verified as well as %q", other, tag)
		}
	}
}
