package server

import (
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

func proxyConfig(trusted string) func(*Config) {
	return func(c *Config) {
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix(trusted)}
		c.AuthProxyHeader = "Remote-Email"
		c.LogoutURL = "https://auth.example.com/logout"
	}
}

func (c *client) getWith(path string, headers ...string) *response {
	c.app.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.app.ts.URL+path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return c.do(req)
}

func TestProxyAuthFromTrustedProxy(t *testing.T) {
	app := newTestApp(t, proxyConfig("127.0.0.0/8"))
	c := app.client()
	r := c.getWith("/settings", "Remote-Email", "Ann@Example.com")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Signed in as ann@example.com", `value="ann"`)
	if n := app.count("users"); n != 1 {
		t.Fatalf("users = %d, want the account created on first sight", n)
	}
	// The same person again is the same account, and can write.
	r = c.post("/entries", entryForm("new_boss_name", "Dana"), "Remote-Email", "ann@example.com")
	wantStatus(t, r, http.StatusSeeOther)
	if n := app.count("users"); n != 1 {
		t.Errorf("users = %d", n)
	}
	// Sign-out goes to the proxy's logout.
	r = c.post("/logout", nil, "Remote-Email", "ann@example.com")
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "https://auth.example.com/logout" {
		t.Errorf("logout Location %q", loc)
	}
}

func TestProxyAuthSignupRules(t *testing.T) {
	app := newTestApp(t, proxyConfig("127.0.0.0/8"), func(c *Config) { c.Signup = SignupFirst })
	wantStatus(t, app.client().getWith("/", "Remote-Email", "first@example.com"), http.StatusOK)
	r := app.client().getWith("/", "Remote-Email", "second@example.com")
	wantStatus(t, r, http.StatusForbidden)
	if n := app.count("users"); n != 1 {
		t.Errorf("users = %d, want only the first", n)
	}
	wantStatus(t, app.client().getWith("/", "Remote-Email", "not-an-email"), http.StatusForbidden)
}

func TestProxyAuthFromUntrustedAddressIsIgnored(t *testing.T) {
	// The test server's peer is 127.0.0.1, outside the trusted range.
	app := newTestApp(t, proxyConfig("10.0.0.0/8"))
	app.client().signup("ann@example.com")
	c := app.client()
	for _, headers := range [][]string{
		{"Remote-Email", "ann@example.com"},
		{"Remote-Email", "ann@example.com", "X-Forwarded-For", "10.1.2.3"},
		{"Remote-Email", "ann@example.com", "X-Forwarded-For", "10.1.2.3", "X-Forwarded-Proto", "https"},
	} {
		r := c.getWith("/settings", headers...)
		wantStatus(t, r, http.StatusSeeOther)
		if strings.Contains(r.body, "ann@example.com") {
			t.Error("an untrusted request got the user's page")
		}
		if ck := r.header.Get("Set-Cookie"); strings.Contains(ck, "__Host-") {
			t.Errorf("an untrusted X-Forwarded-Proto made cookies Secure: %s", ck)
		}
	}
	if n := app.count("users"); n != 1 {
		t.Errorf("users = %d: the untrusted header created an account", n)
	}
}

func TestSpoofedForwardedForDoesNotDodgeThrottling(t *testing.T) {
	app := newTestApp(t, func(c *Config) {
		c.LoginPerIP, c.LoginPerEmail, c.LoginWindow = 3, 100, time.Minute
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	})
	c := app.client()
	for i := range 3 {
		r := c.post("/login", url.Values{"email": {"x@example.com"}, "password": {"wrong password"}}, "X-Forwarded-For", "203.0.113."+string(rune('1'+i)))
		wantStatus(t, r, http.StatusUnauthorized)
	}
	r := c.post("/login", url.Values{"email": {"x@example.com"}, "password": {"wrong password"}}, "X-Forwarded-For", "198.51.100.7")
	wantStatus(t, r, http.StatusTooManyRequests)
}

func TestForwardedForFromTrustedProxyNamesTheClient(t *testing.T) {
	app := newTestApp(t, func(c *Config) {
		c.LoginPerIP, c.LoginPerEmail, c.LoginWindow = 2, 100, time.Minute
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	})
	c := app.client()
	login := func(ip string) int {
		return c.post("/login", url.Values{"email": {"x@example.com"}, "password": {"wrong password"}}, "X-Forwarded-For", ip).status
	}
	// Behind a trusted proxy, two clients have a budget each.
	for i, want := range []int{401, 401, 429} {
		if got := login("203.0.113.1"); got != want {
			t.Errorf("the first client's attempt %d got %d, want %d", i+1, got, want)
		}
	}
	if got := login("203.0.113.2"); got != 401 {
		t.Errorf("a second client behind the proxy got %d, want 401", got)
	}
}

func TestBasePath(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.BasePath, c.PublicOrigin = "/leadup", "https://example.com" })
	c := app.client()
	c.hc.Transport = hostHeader("example.com") // as the proxy forwards it
	r := c.get("/leadup/")
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/leadup/login?next=%2F" {
		t.Errorf("Location %q", loc)
	}
	r = c.get("/leadup")
	if loc := r.header.Get("Location"); r.status != http.StatusSeeOther || loc != "/leadup/" {
		t.Errorf("/leadup: %d %q", r.status, loc)
	}
	wantStatus(t, c.get("/entries"), http.StatusNotFound)
	// The health check, which knows only the listen address, finds
	// /healthz at the root as well as under the path.
	wantStatus(t, app.client().get("/healthz"), http.StatusOK)
	wantStatus(t, c.get("/healthz"), http.StatusOK)
	wantStatus(t, c.get("/leadup/healthz"), http.StatusOK)

	signup := c.get("/leadup/signup")
	wantStatus(t, signup, http.StatusOK)
	wantBody(t, signup, `action="/leadup/signup"`, `href="/leadup/static/`, `src="/leadup/static/`, `href="/leadup/login"`)
	if strings.Contains(signup.body, `href="/login"`) || strings.Contains(signup.body, `action="/signup"`) {
		t.Error("a link or form lacks the base path")
	}
	r = c.post("/leadup/signup", url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}, "display_name": {"Ann"}, "timezone": {"UTC"}},
		"Origin", "https://example.com")
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/leadup/" {
		t.Errorf("after signup Location %q", loc)
	}
	ck := r.header.Get("Set-Cookie")
	if !strings.Contains(ck, "__Secure-leadup_session=") || !strings.Contains(ck, "Path=/leadup/") || !strings.Contains(ck, "Secure") {
		t.Errorf("cookie %q, want a Secure cookie scoped to /leadup/", ck)
	}
	// The browser sends the cookie back under the path.
	name, value, _ := strings.Cut(strings.Split(ck, ";")[0], "=")
	req, _ := http.NewRequest(http.MethodGet, app.ts.URL+"/leadup/", nil)
	req.AddCookie(&http.Cookie{Name: name, Value: value})
	home := c.do(req)
	wantStatus(t, home, http.StatusOK)
	wantBody(t, home, `href="/leadup/entries"`, `action="/leadup/entries"`, `action="/leadup/logout"`, `href="/leadup/weeks/`)
	for _, bad := range []string{`href="/entries"`, `action="/entries"`, `href="/weeks`} {
		if strings.Contains(home.body, bad) {
			t.Errorf("home has %s without the base path", bad)
		}
	}
	wantStatus(t, c.get(hrefStarting(home.body, "/leadup/static/")), http.StatusOK)
	// A cross-site post is still refused; the public origin is trusted.
	r = c.post("/leadup/signup", url.Values{}, "Origin", "https://evil.example")
	wantStatus(t, r, http.StatusForbidden)
}

// hrefStarting returns the first href in body that starts with prefix.
func hrefStarting(body, prefix string) string {
	i := strings.Index(body, `href="`+prefix)
	if i < 0 {
		return ""
	}
	rest := body[i+len(`href="`):]
	return rest[:strings.IndexByte(rest, '"')]
}

// TestThrottleBehindProxyWithoutXFF: a trusted proxy's request that names
// no client is throttled under the proxy's address, whatever connection it
// came on; the port never makes a new allowance.
func TestThrottleBehindProxyWithoutXFF(t *testing.T) {
	app := newTestApp(t, proxyConfig("127.0.0.0/8"), func(c *Config) { c.LoginPerIP = 2; c.LoginWindow = time.Minute })
	statuses := []int{}
	for i := range 3 {
		c := app.client()
		c.hc.Transport = &http.Transport{DisableKeepAlives: true} // a new TCP connection, so a new port, each time
		r := c.login("user"+string(rune('a'+i))+"@example.com", "some password")
		statuses = append(statuses, r.status)
	}
	if statuses[2] != http.StatusTooManyRequests {
		t.Errorf("statuses %v, want the third attempt refused with 429", statuses)
	}
}
