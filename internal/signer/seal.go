package signer

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
)

// Seal encrypts and authenticates plaintext for purpose, so that whoever
// holds the result can neither read it nor change it: AES-256-GCM under a
// key derived from the secret for that purpose alone (HKDF-SHA256, never
// the HMAC key of Sign itself). bound, such as a user id, is authenticated
// but not carried: Open must be given the same. The result is unpadded
// URL-safe base64.
func (s Signer) Seal(purpose string, plaintext []byte, bound ...string) string {
	aead := s.aead(purpose)
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plaintext)+aead.Overhead())
	rand.Read(nonce) // never fails (crypto/rand documents it)
	return base64.RawURLEncoding.EncodeToString(aead.Seal(nonce, nonce, plaintext, framed(bound)))
}

// Open returns what Seal sealed for purpose and bound; ok is false for
// anything else: another purpose, another bound, another key, a changed
// or truncated text.
func (s Signer) Open(sealed, purpose string, bound ...string) (plaintext []byte, ok bool) {
	b, err := strictBase64.DecodeString(sealed)
	aead := s.aead(purpose)
	if err != nil || len(b) < aead.NonceSize()+aead.Overhead() {
		return nil, false
	}
	plaintext, err = aead.Open(nil, b[:aead.NonceSize()], b[aead.NonceSize():], framed(bound))
	return plaintext, err == nil
}

func (s Signer) aead(purpose string) cipher.AEAD {
	key, err := hkdf.Key(sha256.New, s.key, nil, "leadup seal: "+purpose, 32)
	if err != nil {
		panic("signer: derive key: " + err.Error()) // only for a length HKDF cannot give; 32 it can
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		panic("signer: " + err.Error()) // a 32-byte key is always valid
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic("signer: " + err.Error())
	}
	return aead
}

// framed length-prefixes each part, so ("ab", "c") and ("a", "bc") differ.
func framed(parts []string) []byte {
	var out []byte
	for _, p := range parts {
		out = binary.LittleEndian.AppendUint64(out, uint64(len(p)))
		out = append(out, p...)
	}
	return out
}
