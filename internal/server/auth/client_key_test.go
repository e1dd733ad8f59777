package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestClientKey: the key of every per-client-address throttle.
func TestClientKey(t *testing.T) {
	for peer, want := range map[string]string{
		"203.0.113.9:4711":                     "203.0.113.9",
		"[::ffff:203.0.113.9]:4711":            "203.0.113.9",
		"[2001:db8:1:2:3:4:5:6]:4711":          "2001:db8:1:2::/64",
		"[2001:db8:1:2:ffff:ffff:ffff:1]:4711": "2001:db8:1:2::/64",
		"[fe80::1%eth0]:4711":                  "fe80::/64",
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = peer
		if got := clientKey(r); got != want {
			t.Errorf("clientKey(%s) = %q, want %q", peer, got, want)
		}
	}
}
