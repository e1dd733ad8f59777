// Package password hashes and verifies passwords with argon2id, stored in
// the PHC string format: $argon2id$v=19$m=19456,t=2,p=1$salt$hash.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

// Default is OWASP's recommended minimum for argon2id: 19 MiB, 2 passes,
// 1 lane.
var Default = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

var errMalformed = errors.New("password: malformed hash")

// Hasher hashes and verifies passwords. It runs one hash at a time, since
// each one holds Params.Memory of RAM (19 MiB by default): a burst of
// sign-ins waits in turn rather than multiplying that, and a hash leaves
// a whole core to the pages being served beside it.
type Hasher struct {
	params  Params
	slots   chan struct{}
	running atomic.Int32
	kdf     func(password, salt []byte, time, memory uint32, threads uint8, keyLen uint32) []byte // argon2.IDKey; tests count calls
}

// concurrentHashes is how many hashes a Hasher runs at once.
const concurrentHashes = 1

// NewHasher returns a Hasher with parameters p.
func NewHasher(p Params) *Hasher {
	return &Hasher{params: p, slots: make(chan struct{}, concurrentHashes), kdf: argon2.IDKey}
}

// Hash returns the PHC string of a fresh salted hash of password.
func (h *Hasher) Hash(password string) (string, error) {
	salt := make([]byte, h.params.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("read salt: %w", err)
	}
	p := h.params
	key := h.derive([]byte(password), salt, p)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches the PHC string encoded, using
// the parameters stored in it.
func (h *Hasher) Verify(password, encoded string) (bool, error) {
	p, salt, want, err := decode(encoded)
	if err != nil {
		return false, err
	}
	got := h.derive([]byte(password), salt, p)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// NeedsRehash reports whether encoded was made with other parameters than
// the Hasher's, so that a successful login can upgrade it.
func (h *Hasher) NeedsRehash(encoded string) bool {
	p, _, _, err := decode(encoded)
	return err != nil || p.Memory != h.params.Memory || p.Time != h.params.Time || p.Threads != h.params.Threads
}

// derive runs the key derivation in its turn. The last hash of a burst
// gives its memory back to the system: otherwise Go keeps the freed 19 MiB
// resident until its scavenger gets to it, long after the sign-in.
func (h *Hasher) derive(password, salt []byte, p Params) []byte {
	h.running.Add(1) // waiting or hashing
	h.slots <- struct{}{}
	key := h.kdf(password, salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	<-h.slots
	if h.running.Add(-1) == 0 && p.Memory >= returnMemoryKiB {
		debug.FreeOSMemory()
	}
	return key
}

// returnMemoryKiB is the smallest hash whose memory is worth a forced
// garbage collection to give back (tests hash in 64 KiB).
const returnMemoryKiB = 4 << 10

func decode(encoded string) (Params, []byte, []byte, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return Params{}, nil, nil, errMalformed
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return Params{}, nil, nil, errMalformed
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return Params{}, nil, nil, errMalformed
	}
	if p.Memory == 0 || p.Time == 0 || p.Threads == 0 || p.Memory > 1<<22 {
		return Params{}, nil, nil, errMalformed
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return Params{}, nil, nil, errMalformed
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) == 0 {
		return Params{}, nil, nil, errMalformed
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}
