package server

import (
	"net/http"
	"net/url"
	"testing"
)

// hostHeader is a transport that sends every request with Host set to its
// value, as a browser does for the name in its address bar.
type hostHeader string

func (h hostHeader) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Host = string(h)
	return http.DefaultTransport.RoundTrip(r)
}

func (a *testApp) clientForHost(host string) *client {
	c := a.client()
	c.hc.Transport = hostHeader(host)
	return c
}

// TestDNSRebindingRefused: a page on a hostname that resolves to this
// server cannot claim the first account; only IP literals and localhost
// are served without a public URL, only the public URL's host with one.
func TestDNSRebindingRefused(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.Signup = SignupFirst })
	form := url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}, "display_name": {"Ann"}, "timezone": {"UTC"}}
	evil := app.clientForHost("rebind.evil.example")
	r := evil.post("/signup", form, "Origin", "http://rebind.evil.example", "Sec-Fetch-Site", "same-origin")
	wantStatus(t, r, http.StatusMisdirectedRequest)
	wantStatus(t, evil.get("/login"), http.StatusMisdirectedRequest)
	if n := app.count("users"); n != 0 {
		t.Fatalf("users = %d after a rebinding attempt", n)
	}
	wantStatus(t, evil.get("/healthz"), http.StatusOK) // health checks call by any name

	// /signup, since a fresh install sends /login there.
	for _, host := range []string{"localhost", "LOCALHOST:8080", "127.0.0.1:9", "[::1]:8080", "192.168.1.10"} {
		wantStatus(t, app.clientForHost(host).get("/signup"), http.StatusOK)
	}
	for _, host := range []string{"localhost.evil.example", "127.0.0.1.nip.io", "example.com"} {
		wantStatus(t, app.clientForHost(host).get("/signup"), http.StatusMisdirectedRequest)
	}

	// With a public URL only its host is served.
	pub := newTestApp(t, func(c *Config) { c.PublicOrigin = "https://Leadup.Example.com" })
	wantStatus(t, pub.clientForHost("leadup.example.com").get("/signup"), http.StatusOK)
	wantStatus(t, pub.clientForHost("leadup.example.com:443").get("/signup"), http.StatusOK)
	wantStatus(t, pub.clientForHost("127.0.0.1").get("/login"), http.StatusMisdirectedRequest)
	wantStatus(t, pub.clientForHost("evil.example").get("/login"), http.StatusMisdirectedRequest)
	wantStatus(t, pub.clientForHost("127.0.0.1").get("/healthz"), http.StatusOK)
}
