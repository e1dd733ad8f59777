package server

import (
	"net/http"
)

// maxIdempotencyKey bounds the Idempotency-Key header, in bytes.
const maxIdempotencyKey = 200

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
	if len(k) > maxIdempotencyKey || !visibleASCII(k) {
		writeAPIError(w, http.StatusBadRequest, "bad_request", "Idempotency-Key must be 1 to 200 visible ASCII characters, such as a UUID.", nil)
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
// type B. ok is false when either was refused and the answer written.
func readCreate[B any](w http.ResponseWriter, r *http.Request) (key string, body B, ok bool) {
	if key, ok = idempotencyKey(w, r); !ok {
		return "", body, false
	}
	return key, body, readJSON(w, r, &body)
}

// createdStatus is 201 for a new record and 200 for a retry that found
// the record its key made before; the body is that record either way.
func createdStatus(replay bool) int {
	if replay {
		return http.StatusOK
	}
	return http.StatusCreated
}
