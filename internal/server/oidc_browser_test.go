package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserOIDCSignIn signs in in Chromium through the real provider's
// login page, from leadup's sign-in button back to the page asked for.
func TestBrowserOIDCSignIn(t *testing.T) {
	app := newOIDCApp(t)
	ctx := newBrowser(t, 390, 844)
	steps(t, ctx,
		chromedp.Navigate(app.ts.URL+"/settings"),
		chromedp.WaitVisible(chromedp.CSS("#oidc-sign-in")),
		chromedp.Click(chromedp.CSS("#oidc-sign-in")),
		// The provider's own login page.
		chromedp.WaitVisible(chromedp.CSS("input#username")),
		chromedp.SendKeys(chromedp.CSS("input#username"), "ann"),
		chromedp.SendKeys(chromedp.CSS("input#password"), "ann-password"),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#profile-heading")),
	)
	if loc := location(t, ctx); loc != app.ts.URL+"/settings" {
		t.Errorf("after signing in at %s, want %s/settings (the page asked for)", loc, app.ts.URL)
	}
	if got := textOf(t, ctx, "main p.muted"); !strings.Contains(got, "ann@example.com") {
		t.Errorf("settings say %q, want ann@example.com signed in", got)
	}
	saveScreenshot(t, ctx, "oidc-signed-in-390")
	if n := app.count("sessions"); n != 1 {
		t.Errorf("sessions = %d, want 1", n)
	}
}

// An entry typed while the session ends is saved after signing in again
// through the provider: the sign-in page posts the typed fields to
// /auth/oidc/login, the server holds them under the login's state through
// the provider's round trip, and the callback saves them.
func TestBrowserOIDCSignInSavesTheTypedEntry(t *testing.T) {
	app := newOIDCApp(t)
	ctx := newBrowser(t, 390, 844)
	signInAtProvider := chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS("input#username")),
		chromedp.SendKeys(chromedp.CSS("input#username"), "ann"),
		chromedp.SendKeys(chromedp.CSS("input#password"), "ann-password"),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
	)
	steps(t, ctx,
		chromedp.Navigate(app.ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#oidc-sign-in")),
		chromedp.Click(chromedp.CSS("#oidc-sign-in")),
		signInAtProvider,
		chromedp.WaitVisible(chromedp.CSS("#new_boss_name")),
		chromedp.SendKeys(chromedp.CSS("#new_boss_name"), "Dana"),
		fillCapture("Typed before the provider round trip"),
	)
	if _, err := app.db.Writer().Exec("DELETE FROM sessions"); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".entry-form button.save")),
		chromedp.WaitVisible(chromedp.CSS("form[action$='/auth/oidc/login'] #oidc-sign-in")),
		chromedp.Click(chromedp.CSS("#oidc-sign-in")),
		signInAtProvider,
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
	)
	if got := textOf(t, ctx, "h1"); got != "Typed before the provider round trip" {
		t.Errorf("after the round trip h1 %q, want the saved entry", got)
	}
	if n := app.scalar("SELECT count(*) FROM entries WHERE summary = 'Typed before the provider round trip'"); n != int64(1) {
		t.Errorf("%v entries saved, want 1", n)
	}
}
