package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	newTokenValue = regexp.MustCompile(`id="new-token"[^>]*value="(lu_[A-Za-z0-9_-]+)"`)
	newFeedURL    = regexp.MustCompile(`value="(http://[^"]+/cal/[^"]+\.ics)"`)
)

// TestUserPasswdEndsEveryCredential: `leadup user passwd`, run while the
// server serves, ends the account's sessions, API tokens and calendar
// feed, as a change on the settings page does.
func TestUserPasswdEndsEveryCredential(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	addr := freeAddr(t)
	getenv := env("LEADUP_DB", db, "LEADUP_ADDR", addr)
	stop := startServe(t, getenv, addr)
	defer stop()
	base := "http://" + addr
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	send := func(method, path string, form url.Values, header ...string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, base+path, strings.NewReader(form.Encode()))
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := browser.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	pw := "correct horse battery"
	if st, body := send("POST", "/signup", url.Values{"email": {"ann@example.com"}, "password": {pw}, "display_name": {"Ann"}, "timezone": {"UTC"}}); st != http.StatusSeeOther {
		t.Fatalf("signup: %d\n%.1000s", st, body)
	}
	_, page := send("POST", "/settings/tokens", url.Values{"name": {"phone"}, "scope": {"read"}, "password": {pw}})
	tm := newTokenValue.FindStringSubmatch(page)
	// Making a feed answers 303; the address reaches the page it leads to
	// in the one-time notice.
	if st, body := send("POST", "/settings/calendar", url.Values{"password": {pw}}); st != http.StatusSeeOther {
		t.Fatalf("make a feed: %d, want 303\n%.1000s", st, body)
	}
	_, page = send("GET", "/settings/notifications", nil)
	fm := newFeedURL.FindStringSubmatch(page)
	if tm == nil || fm == nil {
		t.Fatalf("no token (%v) or no feed (%v) was made", tm, fm)
	}
	token, feed := tm[1], strings.TrimPrefix(fm[1], base)
	apiStatus := func() int {
		st, _ := send("GET", "/api/v1/bosses", nil, "Authorization", "Bearer "+token)
		return st
	}
	feedStatus := func() int {
		resp, err := http.Get(base + feed)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if st := apiStatus(); st != http.StatusOK {
		t.Fatalf("API token before the change: %d, want 200", st)
	}
	if st := feedStatus(); st != http.StatusOK {
		t.Fatalf("calendar feed before the change: %d, want 200", st)
	}

	var out bytes.Buffer
	if err := run(t.Context(), []string{"user", "passwd", "ann@example.com"}, getenv, strings.NewReader("a brand new passphrase\n"), &out, &out); err != nil {
		t.Fatalf("user passwd: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "API tokens, calendar feed") {
		t.Errorf("user passwd printed %q, want it to say which credentials ended", out.String())
	}
	if st := apiStatus(); st != http.StatusUnauthorized {
		t.Errorf("API token after user passwd: %d, want 401", st)
	}
	if st := feedStatus(); st != http.StatusNotFound {
		t.Errorf("calendar feed after user passwd: %d, want 404", st)
	}
	if st, _ := send("GET", "/settings", nil); st != http.StatusSeeOther {
		t.Errorf("the browser's session after user passwd: %d, want 303 to sign in", st)
	}
}
