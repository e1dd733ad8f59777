package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestSignup(t *testing.T) {
	app := newTestApp(t)
	c := app.signedUp("Ann@Example.com")
	ck := c.sessionCookie()
	if ck == nil {
		t.Fatal("no session cookie after signup")
	}
	r := c.get("/")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Hello Test User", "Welcome to leadup. Your account is ready.")
	u, err := app.db.FindUserByEmail(t.Context(), "ann@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(u.PasswordHash, "$argon2id$v=19$") || strings.Contains(u.PasswordHash, "correct horse") {
		t.Errorf("stored password %q, want an argon2id PHC string", u.PasswordHash)
	}
}

func TestSignupInvalid(t *testing.T) {
	valid := url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}, "display_name": {"Ann"}, "timezone": {"Europe/Berlin"}}
	tests := []struct {
		name        string
		field, val  string
		wantMessage string
	}{
		{"short password", "password", "short", "Use at least 10 characters."},
		{"bad email", "email", "ann-at-example", "Enter an email address like name@example.com."},
		{"unknown time zone", "timezone", "Mars/Olympus_Mons", "Choose a time zone"},
		{"empty name", "display_name", "", "Enter the name leadup should call you."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := newTestApp(t)
			form := url.Values{}
			for k, v := range valid {
				form[k] = v
			}
			form.Set(tt.field, tt.val)
			r := app.client().post("/signup", form)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, tt.wantMessage, `aria-invalid="true"`)
			// Everything typed comes back, except the password.
			for _, f := range []string{"email", "display_name", "timezone"} {
				if v := form.Get(f); v != "" {
					wantBody(t, r, `value="`+v+`"`)
				}
			}
			if strings.Contains(r.body, "correct horse battery") {
				t.Error("the password was echoed back into the page")
			}
			if n := app.count("users"); n != 0 {
				t.Errorf("users = %d after an invalid signup, want 0", n)
			}
		})
	}
}

func TestSignupDuplicateEmailOtherCase(t *testing.T) {
	app := newTestApp(t)
	app.client().signup("ann@example.com")
	r := app.client().post("/signup", url.Values{"email": {"ANN@Example.COM"}, "password": {"another password"}, "display_name": {"Imposter"}, "timezone": {"UTC"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "An account with that email already exists.", `value="ANN@Example.COM"`, `value="Imposter"`)
	if n := app.count("users"); n != 1 {
		t.Errorf("users = %d, want 1", n)
	}
}

func TestSignupModes(t *testing.T) {
	form := url.Values{"email": {"second@example.com"}, "password": {"correct horse battery"}, "display_name": {"B"}, "timezone": {"UTC"}}
	t.Run("first", func(t *testing.T) {
		app := newTestApp(t, func(c *Config) { c.Signup = SignupFirst })
		wantStatus(t, app.client().get("/signup"), http.StatusOK)
		app.client().signup("first@example.com")
		wantStatus(t, app.client().get("/signup"), http.StatusForbidden)
		r := app.client().post("/signup", form)
		wantStatus(t, r, http.StatusForbidden)
		wantBody(t, r, "Sign-up is closed")
		if n := app.count("users"); n != 1 {
			t.Errorf("users = %d, want 1", n)
		}
	})
	t.Run("closed", func(t *testing.T) {
		app := newTestApp(t, func(c *Config) { c.Signup = SignupClosed })
		wantStatus(t, app.client().post("/signup", form), http.StatusForbidden)
		if n := app.count("users"); n != 0 {
			t.Errorf("users = %d, want 0", n)
		}
	})
	t.Run("open", func(t *testing.T) {
		app := newTestApp(t, func(c *Config) { c.Signup = SignupOpen })
		app.client().signup("first@example.com")
		wantStatus(t, app.client().post("/signup", form), http.StatusSeeOther)
	})
}

func TestLogin(t *testing.T) {
	app := newTestApp(t)
	app.client().signup("ann@example.com")
	tests := []struct {
		name, email, password string
		want                  int
	}{
		{"right", "ann@example.com", "correct horse battery", http.StatusSeeOther},
		{"email in another case", "  ANN@example.com ", "correct horse battery", http.StatusSeeOther},
		{"wrong password", "ann@example.com", "correct horse batterz", http.StatusUnauthorized},
		{"unknown user", "bob@example.com", "correct horse battery", http.StatusUnauthorized},
		{"empty", "", "", http.StatusUnauthorized},
	}
	var failures []string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := app.client()
			r := c.login(tt.email, tt.password)
			wantStatus(t, r, tt.want)
			if tt.want == http.StatusSeeOther {
				if loc := r.header.Get("Location"); loc != "/" {
					t.Errorf("Location %q, want /", loc)
				}
				wantBody(t, c.get("/"), "Hello Test User")
				return
			}
			wantBody(t, r, "That email and password do not match an account.")
			if c.sessionCookie() != nil {
				t.Error("a failed login set a session cookie")
			}
			failures = append(failures, strings.ReplaceAll(r.body, tt.email, ""))
		})
	}
	// An unknown email and a wrong password must read the same.
	if len(failures) >= 2 && failures[0] != failures[1] {
		t.Error("the pages for a wrong password and an unknown email differ")
	}
}

func TestLoginRenewsToken(t *testing.T) {
	app, c := newAnnApp(t)
	before := c.sessionCookie().Value
	wantStatus(t, c.login("ann@example.com", "correct horse battery"), http.StatusSeeOther)
	after := c.sessionCookie().Value
	if before == after {
		t.Fatal("login kept the old session token")
	}
	if n := app.count("sessions"); n != 1 {
		t.Errorf("sessions = %d, want 1 (the old one ended)", n)
	}
}

func TestLogoutEndsSessionServerSide(t *testing.T) {
	app, c := newAnnApp(t)
	stolen := *c.sessionCookie()
	r := c.post("/logout", nil)
	wantStatus(t, r, http.StatusSeeOther)
	if n := app.count("sessions"); n != 0 {
		t.Errorf("sessions = %d after logout, want 0", n)
	}
	// Replaying the old cookie from another browser gets nothing.
	thief := app.client()
	req, _ := http.NewRequest(http.MethodGet, app.ts.URL+"/", nil)
	req.AddCookie(&http.Cookie{Name: stolen.Name, Value: stolen.Value})
	r = thief.do(req)
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); !strings.HasPrefix(loc, "/login") {
		t.Errorf("Location %q, want the login page", loc)
	}
}

func TestAnonymousRedirectsToLogin(t *testing.T) {
	app := newTestApp(t)
	r := app.client().get("/settings?tab=1")
	wantStatus(t, r, http.StatusSeeOther)
	if got, want := r.header.Get("Location"), "/login?next=%2Fsettings%3Ftab%3D1"; got != want {
		t.Errorf("Location %q, want %q", got, want)
	}
}

func TestLoginNextStaysLocal(t *testing.T) {
	app := newTestApp(t)
	app.client().signup("ann@example.com")
	tests := []struct{ next, want string }{
		{"/settings", "/settings"},
		{"/settings?x=1", "/settings?x=1"},
		{"//evil.example", "/"},
		{"/\\evil.example", "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"},
		{"\t//evil.example", "/"},
		{"", "/"},
	}
	for _, tt := range tests {
		c := app.client()
		r := c.post("/login", url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}, "next": {tt.next}})
		wantStatus(t, r, http.StatusSeeOther)
		if got := r.header.Get("Location"); got != tt.want {
			t.Errorf("next=%q: Location %q, want %q", tt.next, got, tt.want)
		}
		// Signed in already, the login page also sends next through SafeNext.
		r = c.get("/login?next=" + url.QueryEscape(tt.next))
		if got := r.header.Get("Location"); got != tt.want {
			t.Errorf("GET next=%q: Location %q, want %q", tt.next, got, tt.want)
		}
	}
}

func TestLoginThrottled(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.LoginPerEmail = 3; c.LoginPerIP = 5; c.LoginWindow = time.Minute })
	app.client().signup("ann@example.com")
	c := app.client()
	for i := range 3 {
		wantStatus(t, c.login("ann@example.com", "wrong password "+string(rune('a'+i))), http.StatusUnauthorized)
	}
	r := c.login("ann@example.com", "correct horse battery")
	wantStatus(t, r, http.StatusTooManyRequests)
	if r.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	wantBody(t, r, "Too many attempts")
	// Other emails from the same address hit the per-IP limit next.
	wantStatus(t, c.login("bob@example.com", "whatever password"), http.StatusUnauthorized)
	wantStatus(t, c.login("carl@example.com", "whatever password"), http.StatusTooManyRequests)
}

func TestCrossSitePostRefused(t *testing.T) {
	app := newTestApp(t)
	form := url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}, "display_name": {"Ann"}, "timezone": {"UTC"}}
	for _, h := range [][]string{
		{"Sec-Fetch-Site", "cross-site"},
		{"Sec-Fetch-Site", "same-site"},
		{"Origin", "https://evil.example"},
	} {
		r := app.client().post("/signup", form, h...)
		wantStatus(t, r, http.StatusForbidden)
		wantBody(t, r, "sent from another site")
	}
	if n := app.count("users"); n != 0 {
		t.Errorf("users = %d after cross-site posts, want 0", n)
	}
	// The same post from this origin goes through.
	wantStatus(t, app.client().post("/signup", form, "Sec-Fetch-Site", "same-origin"), http.StatusSeeOther)
}

func TestSessionTimeouts(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.SessionIdle = time.Hour; c.SessionLifetime = 3 * time.Hour })
	now := time.Now()
	app.useClock(func() time.Time { return now })
	c := app.signedUp("ann@example.com")
	steps := []struct {
		advance time.Duration
		want    int
	}{
		{50 * time.Minute, http.StatusOK},        // active within the idle window
		{100 * time.Minute, http.StatusOK},       // still, each visit extends it
		{150 * time.Minute, http.StatusOK},       // 2.5 h after sign-in
		{190 * time.Minute, http.StatusSeeOther}, // past the absolute lifetime
	}
	for _, s := range steps {
		now = time.Now().Add(s.advance)
		if r := c.get("/settings"); r.status != s.want {
			t.Fatalf("at +%v: status %d, want %d", s.advance, r.status, s.want)
		}
	}
	c2 := app.client()
	now = time.Now()
	c2.login("ann@example.com", "correct horse battery")
	now = now.Add(61 * time.Minute)
	wantStatus(t, c2.get("/settings"), http.StatusSeeOther)
}

func TestSessionCookieAttributes(t *testing.T) {
	tests := []struct {
		mode, want string
		secure     bool
	}{
		{SecureNever, "leadup_session=", false},
		{SecureAuto, "leadup_session=", false}, // the test server speaks plain HTTP
		{SecureAlways, "__Host-leadup_session=", true},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			app := newTestApp(t, func(c *Config) { c.SecureCookies = tt.mode })
			r := app.client().post("/signup", url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}, "display_name": {"A"}, "timezone": {"UTC"}})
			wantStatus(t, r, http.StatusSeeOther)
			ck := r.header.Get("Set-Cookie")
			if !strings.HasPrefix(ck, tt.want) || !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Lax") || !strings.Contains(ck, "Path=/;") && !strings.HasSuffix(ck, "Path=/") {
				t.Errorf("Set-Cookie %q", ck)
			}
			if got := strings.Contains(ck, "; Secure"); got != tt.secure {
				t.Errorf("Set-Cookie %q: Secure %v, want %v", ck, got, tt.secure)
			}
		})
	}
}
