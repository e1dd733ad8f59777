package signer

import "testing"

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
