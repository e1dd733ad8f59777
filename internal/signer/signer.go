// Package signer makes and checks HMAC-SHA256 tags with the server secret.
// Each use names its purpose, which is mixed into the tag, so a tag made
// for one purpose (a form token, say) is never accepted for another (an
// unsubscribe link). Seal, in seal.go, also hides what it protects.
package signer

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
)

// Signer holds the key.
type Signer struct{ key []byte }

// New returns a Signer keyed with secret.
func New(secret []byte) Signer { return Signer{key: secret} }

// Sign returns the tag of parts for purpose, in unpadded URL-safe base64.
func (s Signer) Sign(purpose string, parts ...string) string {
	return base64.RawURLEncoding.EncodeToString(s.mac(purpose, parts))
}

// Verify reports whether tag is the tag of parts for purpose, in constant
// time. Only the one spelling Sign writes is accepted: strict decoding
// refuses a last character whose unused bits were changed.
func (s Signer) Verify(tag, purpose string, parts ...string) bool {
	got, err := strictBase64.DecodeString(tag)
	if err != nil {
		return false
	}
	return hmac.Equal(got, s.mac(purpose, parts))
}

func (s Signer) mac(purpose string, parts []string) []byte {
	m := hmac.New(sha256.New, s.key)
	// Each field is length-prefixed, so ("ab", "c") and ("a", "bc") differ.
	for _, p := range append([]string{purpose}, parts...) {
		var n [8]byte
		for i, l := 0, uint64(len(p)); i < 8; i++ {
			n[i] = byte(l >> (8 * i))
		}
		m.Write(n[:])
		m.Write([]byte(p))
	}
	return m.Sum(nil)
}

// strictBase64 decodes unpadded URL-safe base64 in its one canonical
// spelling.
var strictBase64 = base64.RawURLEncoding.Strict()
