package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSignupByMail signs up in Chromium with mail on: the form asks
// for no password and ends on "check your mail"; the mailed link asks for
// the password, and its button creates the account and signs in. The three
// new pages pass the axe audit.
func TestBrowserSignupByMail(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	relay := app.withRelay()
	ctx := newBrowser(t, 390, 844)
	base := app.ts.URL

	steps(t, ctx,
		chromedp.Navigate(base+"/signup"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "bea@example.com"),
		chromedp.SendKeys(chromedp.CSS("#display_name"), "Bea Example"),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("[role=status]")),
	)
	if got := textOf(t, ctx, "h1"); got != "Check your mail" {
		t.Fatalf("after the form: %q, want the check-your-mail page", got)
	}
	if app.count("users") != 0 {
		t.Fatal("an account exists before the link was followed")
	}
	path := signupLink(t, app.mailTo(t, relay, "bea@example.com"))
	auditPages(t, ctx, base, []string{"/signup/sent", path, "/signup/verify/forged.token"})

	steps(t, ctx,
		chromedp.Navigate(base+path),
		chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".glance")),
	)
	if loc := location(t, ctx); loc != base+"/" {
		t.Errorf("after confirming at %s, want the home page", loc)
	}
	if body := textOf(t, ctx, "body"); !strings.Contains(body, "Your account is ready") {
		t.Errorf("home page after confirming:\n%s", body)
	}
	if app.count("users") != 1 || app.count("pending_signups") != 0 {
		t.Errorf("users %d, pending %d; want 1 and 0", app.count("users"), app.count("pending_signups"))
	}
}
