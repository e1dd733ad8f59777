package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/leadup/leadup/internal/server/auth"
)

// TestAccessibilityOfTokensAndSignInChoices audits the API tokens page,
// with a token listed, and the sign-in page offering a provider's button,
// in Chromium at phone width. The token is created through the form.
func TestAccessibilityOfTokensAndSignInChoices(t *testing.T) {
	t.Parallel()
	app := newTestApp(t, func(c *Config) {
		// The sign-in page only shows the button; it never calls the provider.
		c.OIDC = &OIDCConfig{Issuer: "http://127.0.0.1:1/", ClientID: "leadup", Name: "Example SSO"}
	})
	ctx := newBrowser(t, 390, 844)
	base := app.ts.URL
	auditPages(t, ctx, base, []string{"/login"})
	if got := textOf(t, ctx, "#oidc-sign-in"); got != "Sign in with Example SSO" {
		t.Errorf("button %q", got)
	}
	err := chromedp.Do(ctx,
		fillSignup(base, "ann@example.com", "correct horse battery", "Ann"),
		chromedp.WaitVisible(chromedp.CSS("nav[aria-label=Main]")),
		chromedp.Navigate(base+"/settings/tokens"),
		chromedp.SendKeys(chromedp.CSS("#name"), "phone"),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Click(chromedp.CSS("form[action='/settings/tokens'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#new-token")),
	)
	if err != nil {
		t.Fatal(err)
	}
	token, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#new-token")))
	if !strings.HasPrefix(token, auth.TokenPrefix) {
		t.Fatalf("new token field holds %q", token)
	}
	saveScreenshot(t, ctx, "token-created-390")
	auditPages(t, ctx, base, []string{"/settings/tokens", "/settings"})
}
