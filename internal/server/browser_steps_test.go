package server

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The browser tests share these steps: starting on a phone, signing in,
// and the checks every page gets (width, dark scheme).

// screen is a browser window a page is checked in.
type screen struct {
	name          string
	width, height int
}

// steps runs the actions in order and stops the test at the first that
// fails.
func steps(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// fillLogin types email and the test password into the sign-in form the
// browser shows and submits it.
func fillLogin(email string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Click(chromedp.CSS("form[action$='/login'] button[type=submit]")),
	)
}

// signInAsAnn signs Ann of the week fixture in from the sign-in page and
// waits for the home page.
func signInAsAnn(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	steps(t, ctx, chromedp.Navigate(base+"/login"), fillLogin("ann@example.com"), chromedp.WaitVisible(chromedp.CSS(".glance")))
}

// phoneSignup is a fresh app and a phone's browser in which Pat has just
// signed up through the form and sees the capture form.
func phoneSignup(t *testing.T) (*testApp, context.Context) {
	t.Helper()
	app := newTestApp(t)
	ctx := newBrowser(t, 390, phoneHeight)
	steps(t, ctx,
		fillSignup(app.ts.URL, "phone@example.com", "correct horse battery", "Pat"),
		chromedp.WaitVisible(chromedp.CSS("#new_boss_name")),
	)
	return app, ctx
}

// capturePhone is a fresh app with captureUser's account for email, signed
// in on a phone's browser at the capture form.
func capturePhone(t *testing.T, email string, entries int) (*testApp, context.Context, []string) {
	t.Helper()
	app := newTestApp(t)
	_, bosses := captureUser(t, app, email, entries)
	ctx := newBrowser(t, 390, phoneHeight)
	if err := browserLogin(ctx, app.ts.URL, "/", email); err != nil {
		t.Fatal(err)
	}
	return app, ctx, bosses
}

// wantNoWider fails unless the page the browser shows is at most width px
// wide; what names the page in the failure.
func wantNoWider(t *testing.T, ctx context.Context, width int, what string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
	if err != nil {
		t.Fatalf("width of %s: %v", what, err)
	}
	if got > width {
		t.Errorf("%s is %d px wide in a %d px viewport", what, got, width)
	}
}

// useDarkScheme makes the browser prefer the dark colour scheme, and checks
// that the pages see it.
func useDarkScheme(t *testing.T, ctx context.Context) {
	t.Helper()
	dark := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, dark); err != nil {
		t.Fatal(err)
	}
	isDark, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`matchMedia("(prefers-color-scheme: dark)").matches`))
	if err != nil || !isDark {
		t.Fatalf("dark scheme not emulated: %v", err)
	}
}
