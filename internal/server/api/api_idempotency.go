package api

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/server/httpx"
)

// MaxIdempotencyKey bounds the Idempotency-Key header, in bytes.
const MaxIdempotencyKey = 200

// idempotencyKey reads an API create's Idempotency-Key header. The key is
// kept with the record's id in the same table, and the same transaction,
// as the forms' tokens; the "api:" prefix keeps a header from ever naming
// a form's record. ok is false when the header is malformed and the 400
// has been written. No header gives "", which always creates.
func idempotencyKey(w http.ResponseWriter, r *http.Request) (key string, ok bool) {
	k := r.Header.Get("Idempotency-Key")
	if k == "" {
		return "", true
	}
	if len(k) > MaxIdempotencyKey || !visibleASCII(k) {
		httpx.WriteAPIError(w, http.StatusBadRequest, "bad_request", "Idempotency-Key must be 1 to 200 visible ASCII characters, such as a UUID.", nil)
		return "", false
	}
	return "api:" + k, true
}

func visibleASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// readCreate reads an API create's Idempotency-Key and its JSON body of
// type B. The key comes with the request's fingerprint: its method, path
// and body as decoded, so a retry that spaces or orders the same JSON
// differently is still the same request, and the same key on another
// entry's follow-ups is not. ok is false when either was refused and the
// answer written.
func readCreate[B any](w http.ResponseWriter, r *http.Request) (key core.OnceKey, body B, ok bool) {
	if key.Key, ok = idempotencyKey(w, r); !ok {
		return key, body, false
	}
	if !readJSON(w, r, &body) {
		return key, body, false
	}
	if key.Key != "" {
		key.Fingerprint = fingerprint(r, body)
	}
	return key, body, true
}

// fingerprint is the hex SHA-256 of a request's method, path and decoded
// body.
func fingerprint(r *http.Request, body any) string {
	b, err := json.Marshal(body)
	if err != nil {
		panic("fingerprint: " + err.Error()) // the body was just decoded from JSON into a plain struct
	}
	h := sha256.New()
	for _, part := range [][]byte{[]byte(r.Method), []byte(r.URL.Path), b} {
		h.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(part))))
		h.Write(part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// createdStatus is 201 for a new record and 200 for a retry that found
// the record its key made before; the body is that record either way.
func createdStatus(replay bool) int {
	if replay {
		return http.StatusOK
	}
	return http.StatusCreated
}
