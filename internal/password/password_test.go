package password

import (
	"strings"
	"testing"
)

func TestHashVerify(t *testing.T) {
	h := NewHasher(Default)
	enc, err := h.Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("got %q, want a PHC argon2id string with OWASP parameters", enc)
	}
	tests := []struct {
		password string
		want     bool
	}{
		{"correct horse battery", true},
		{"correct horse batterY", false},
		{"correct horse battery ", false},
		{"", false},
	}
	for _, tt := range tests {
		got, err := h.Verify(tt.password, enc)
		if err != nil || got != tt.want {
			t.Errorf("Verify(%q) = %v, %v; want %v", tt.password, got, err, tt.want)
		}
	}
	if h.NeedsRehash(enc) {
		t.Error("a fresh hash needs no rehash")
	}
}

func TestNoTruncation(t *testing.T) {
	h := NewHasher(Default)
	long := strings.Repeat("a", 1000)
	enc, err := h.Hash(long + "X")
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := h.Verify(long+"Y", enc); ok {
		t.Fatal("passwords differing only after byte 1000 verified as equal")
	}
}

func TestSaltsDiffer(t *testing.T) {
	h := NewHasher(Default)
	a, _ := h.Hash("same password")
	b, _ := h.Hash("same password")
	if a == b {
		t.Fatal("two hashes of one password are equal: salt is not random")
	}
}

func TestVerifyMalformed(t *testing.T) {
	h := NewHasher(Default)
	for _, enc := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=19456,t=2,p=1$!!$AAAA"} {
		if ok, err := h.Verify("x", enc); ok || err == nil {
			t.Errorf("Verify(%q) = %v, %v; want false and an error", enc, ok, err)
		}
	}
}
