package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/testenv"
)

// opUser is a user of the example OpenID provider's users file.
type opUser struct {
	ID                string
	Username          string
	Password          string
	FirstName         string
	LastName          string
	Email             string
	EmailVerified     bool
	PreferredLanguage string
}

// The provider's users: Ann has a verified email; Eve's email belongs to
// an existing leadup account but the provider has not verified it.
var opUsers = map[string]opUser{
	"ann": {ID: "ann", Username: "ann", Password: "ann-password", FirstName: "Ann", LastName: "Lee", Email: "ann@example.com", EmailVerified: true, PreferredLanguage: "en"},
	"eve": {ID: "eve", Username: "eve", Password: "eve-password", FirstName: "Eve", LastName: "Mal", Email: "owner@example.com", EmailVerified: false, PreferredLanguage: "en"},
	"own": {ID: "own", Username: "own", Password: "own-password", FirstName: "Olu", LastName: "Wen", Email: "owner@example.com", EmailVerified: true, PreferredLanguage: "en"},
}

// freePort returns a loopback port nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startOP runs the example OpenID provider of github.com/zitadel/oidc
// (built by .ci/run into LEADUP_OIDC_OP_BIN) on loopback, with its client
// "web" (secret "secret") allowed to send users back to redirectURI. It
// returns the issuer. Without the binary the test is skipped, unless
// LEADUP_REQUIRE_BROWSER=1 (as in CI), where that is a failure.
func startOP(t *testing.T, redirectURI string) string {
	t.Helper()
	bin := testenv.Program(t, "LEADUP_OIDC_OP_BIN", "go install github.com/zitadel/oidc/v3/example/server@v3.52.0, as .ci/run does")
	users, _ := json.Marshal(opUsers)
	usersFile := filepath.Join(t.TempDir(), "users.json")
	if err := os.WriteFile(usersFile, users, 0o600); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	// The example provider names itself http://localhost:PORT/.
	issuer := fmt.Sprintf("http://localhost:%d/", port)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), fmt.Sprintf("PORT=%d", port), "USERS_FILE="+usersFile, "REDIRECT_URI="+redirectURI)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the OpenID provider: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("OpenID provider log:\n%s", logs.String())
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(issuer + ".well-known/openid-configuration")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return issuer
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the OpenID provider did not start: %v\n%s", err, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// newOIDCApp serves leadup with OIDC pointed at a fresh example provider.
// leadup's port is chosen first, as the provider must know the redirect.
func newOIDCApp(t *testing.T, edit ...func(*Config)) *testApp {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	issuer := startOP(t, base+"/auth/oidc/callback")
	db := openTestDB(t)
	cfg := DefaultConfig()
	cfg.Signup = SignupOpen
	cfg.OIDC = &OIDCConfig{Issuer: issuer, ClientID: "web", ClientSecret: "secret", Name: "Example OP",
		Scopes: []string{"openid", "email", "profile"}, RedirectURL: base + "/auth/oidc/callback"}
	for _, e := range edit {
		e(&cfg)
	}
	srv := New(core.New(db), password.NewHasher(fastHash), slog.New(slog.NewTextHandler(io.Discard, nil)), cfg)
	ts := httptest.NewUnstartedServer(srv)
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		db.Close()
	})
	return &testApp{t: t, db: db, srv: srv, ts: ts}
}

var opRequestID = regexp.MustCompile(`name="id" value="([^"]+)"`)

// providerLogin signs in at the provider as a browser would, without a
// browser: it follows leadup's redirect to the provider, fills the
// provider's login form and returns the callback URL the provider sends
// back to, without visiting it.
func providerLogin(t *testing.T, c *client, username string) string {
	t.Helper()
	r := c.get("/auth/oidc/login?next=/entries")
	if r.status != http.StatusSeeOther {
		t.Fatalf("login: status %d, want 303\n%s", r.status, r.body)
	}
	return providerSignIn(t, c, r.header.Get("Location"), username)
}

// providerSignIn follows leadup's redirect (to authURL) to the provider,
// signs in there as username and returns the callback URL.
func providerSignIn(t *testing.T, c *client, authURL, username string) string {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	op := &http.Client{Jar: jar, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), c.app.ts.URL) {
			return http.ErrUseLastResponse // stop at the callback to leadup
		}
		return nil
	}}
	resp, err := op.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := opRequestID.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no login form at the provider (%s):\n%s", resp.Request.URL, page)
	}
	u := opUsers[username]
	loginURL := resp.Request.URL.ResolveReference(&url.URL{Path: "/login/username"})
	resp, err = op.PostForm(loginURL.String(), url.Values{"id": {string(m[1])}, "username": {u.Username}, "password": {u.Password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cb := resp.Header.Get("Location")
	if resp.StatusCode/100 != 3 || !strings.HasPrefix(cb, c.app.ts.URL+"/auth/oidc/callback?") {
		t.Fatalf("the provider answered %d to %s, want a redirect to leadup's callback", resp.StatusCode, cb)
	}
	return cb
}

// callback visits a callback URL with c's cookies.
func (c *client) callback(cb string) *response {
	c.app.t.Helper()
	return c.get(strings.TrimPrefix(cb, c.app.ts.URL))
}

func TestOIDCSignInCreatesAndLinksByIssuerAndSubject(t *testing.T) {
	app := newOIDCApp(t)
	c := app.client()
	wantBody(t, c.get("/login"), "Sign in with Example OP", `href="/auth/oidc/login?next=%2F"`)

	r := c.callback(providerLogin(t, c, "ann"))
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/entries" {
		t.Fatalf("callback: %d to %q, want 303 to /entries\n%s", r.status, r.header.Get("Location"), r.body)
	}
	wantStatus(t, c.get("/entries"), http.StatusOK)
	u, err := app.db.FindUserByEmail(context.Background(), "ann@example.com")
	if err != nil {
		t.Fatalf("no account made for ann: %v", err)
	}
	if u.DisplayName != "Ann Lee" {
		t.Errorf("display name %q, want the provider's name", u.DisplayName)
	}
	var iss, sub string
	app.db.Reader().QueryRow("SELECT issuer, subject FROM oidc_identities WHERE user_id = ?", u.ID).Scan(&iss, &sub)
	if sub != "ann" || !strings.HasPrefix(iss, "http://localhost:") {
		t.Errorf("linked (%q, %q), want the provider's issuer and subject ann", iss, sub)
	}

	// A second sign-in finds the same account by (iss, sub).
	c2 := app.client()
	wantStatus(t, c2.callback(providerLogin(t, c2, "ann")), http.StatusSeeOther)
	if n := app.count("users"); n != 1 {
		t.Errorf("%d accounts after two sign-ins, want 1", n)
	}

	// Deleting the account asks for the email, not a password nobody knows.
	wantBody(t, c.get("/settings"), `name="confirm_email"`, "Type your email address, ann@example.com, to confirm")
	wantStatus(t, c.post("/settings", url.Values{"action": {"delete"}, "confirm_email": {"someone@example.com"}}), http.StatusUnprocessableEntity)
	wantStatus(t, c.post("/settings", url.Values{"action": {"delete"}, "confirm_email": {"Ann@Example.com"}}), http.StatusSeeOther)
	if n := app.count("users"); n != 0 {
		t.Errorf("%d accounts after deleting, want 0", n)
	}
}

func TestOIDCLinksAVerifiedEmailAndRefusesAnUnverifiedOne(t *testing.T) {
	app := newOIDCApp(t)
	app.signedUp("owner@example.com")

	eve := app.client()
	r := eve.callback(providerLogin(t, eve, "eve"))
	wantStatus(t, r, http.StatusForbidden)
	wantBody(t, r, "has not verified that this address is yours")
	if eve.sessionCookie() != nil || app.count("oidc_identities") != 0 {
		t.Fatal("an unverified email was signed in or linked")
	}

	own := app.client()
	wantStatus(t, own.callback(providerLogin(t, own, "own")), http.StatusSeeOther)
	u, _ := app.db.FindUserByEmail(context.Background(), "owner@example.com")
	var linked int64
	app.db.Reader().QueryRow("SELECT user_id FROM oidc_identities WHERE subject = 'own'").Scan(&linked)
	if linked != u.ID || app.count("users") != 1 {
		t.Errorf("the verified identity was linked to %d, want the existing account %d", linked, u.ID)
	}
}

func TestOIDCRefusesTamperedReplayedAndForeignAnswers(t *testing.T) {
	app := newOIDCApp(t)

	t.Run("tampered state", func(t *testing.T) {
		c := app.client()
		cb := providerLogin(t, c, "ann")
		r := c.callback(setParam(t, cb, "state", param(t, cb, "state")+"x"))
		wantStatus(t, r, http.StatusBadRequest)
		wantBody(t, r, "did not start in this browser, or its link was altered")
	})
	t.Run("callback in another browser", func(t *testing.T) {
		c := app.client()
		cb := providerLogin(t, c, "ann")
		r := app.client().callback(cb)
		wantStatus(t, r, http.StatusBadRequest)
	})
	t.Run("replayed callback", func(t *testing.T) {
		c := app.client()
		cb := providerLogin(t, c, "ann")
		wantStatus(t, c.callback(cb), http.StatusSeeOther)
		// The attacker holds the state cookie too: the state is used up.
		c.setStateCookie(param(t, cb, "state"))
		r := c.callback(cb)
		wantStatus(t, r, http.StatusBadRequest)
		wantBody(t, r, "expired or was already used")
	})
	t.Run("replayed code", func(t *testing.T) {
		c := app.client()
		first := providerLogin(t, c, "ann")
		wantStatus(t, c.callback(first), http.StatusSeeOther)
		// A fresh sign-in, answered with the code already spent.
		r := c.callback(setParam(t, providerLogin(t, c, "ann"), "code", param(t, first, "code")))
		wantStatus(t, r, http.StatusBadRequest)
		wantBody(t, r, "did not accept this sign-in")
	})
	t.Run("wrong nonce", func(t *testing.T) {
		c := app.client()
		cb := providerLogin(t, c, "ann")
		// The sign-in's remembered nonce no longer matches the one the
		// provider put in the ID token.
		if _, err := app.db.Writer().Exec("UPDATE oidc_logins SET nonce = 'another-nonce'"); err != nil {
			t.Fatal(err)
		}
		r := c.callback(cb)
		wantStatus(t, r, http.StatusBadRequest)
		wantBody(t, r, "its nonce does not match")
		if c.sessionCookie() != nil {
			t.Error("a wrong nonce still signed in")
		}
	})
	t.Run("provider error", func(t *testing.T) {
		r := app.client().get("/auth/oidc/callback?error=access_denied&state=x")
		wantStatus(t, r, http.StatusBadRequest)
		wantBody(t, r, "access_denied")
	})
}

func (c *client) setStateCookie(state string) {
	u, _ := url.Parse(c.app.ts.URL + "/auth/oidc/")
	c.hc.Jar.SetCookies(u, []*http.Cookie{{Name: auth.OIDCStateCookie, Value: state, Path: "/auth/oidc/"}})
}

func TestOIDCPasswordLoginOff(t *testing.T) {
	app := newOIDCApp(t, func(c *Config) { c.PasswordLoginOff = true })
	c := app.client()
	r := c.get("/login")
	wantBody(t, r, "Sign in with Example OP")
	if strings.Contains(r.body, `action="/login"`) {
		t.Error("the password form is still shown")
	}
	wantStatus(t, c.login("ann@example.com", "whatever password"), http.StatusForbidden)
	wantStatus(t, c.post("/signup", url.Values{"email": {"x@example.com"}, "password": {"correct horse battery"}, "display_name": {"X"}, "timezone": {"UTC"}}), http.StatusForbidden)
	if n := app.count("users"); n != 0 {
		t.Fatalf("%d accounts made with password sign-in off", n)
	}
}

// param is the query parameter key of the URL raw.
func param(t *testing.T, raw, key string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get(key)
}

// setParam is the URL raw with its query parameter key set to value.
func setParam(t *testing.T, raw, key, value string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}
