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
	err := chromedp.Do(ctx,
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
	if err != nil {
		t.Fatal(err)
	}
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
