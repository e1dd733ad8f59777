package server

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The sign-up form takes the browser's own time zone, not the server's
// default: with Chromium's zone set to one no default would guess, the
// field and then the new account carry it.
func TestBrowserSignupDetectsTheBrowsersZone(t *testing.T) {
	t.Parallel()
	const zone = "Pacific/Chatham"
	app := newTestApp(t)
	ctx := newBrowser(t, 390, 844)
	if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: zone}); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx,
		chromedp.Navigate(app.ts.URL+"/signup"),
		chromedp.WaitVisible(chromedp.CSS("#timezone")),
	)
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#timezone"))); got != zone {
		t.Fatalf("time zone field %q, want the browser's %q", got, zone)
	}
	steps(t, ctx,
		fillSignupFields("zoe@example.com", "correct horse battery", "Zoe"),
		chromedp.WaitVisible(chromedp.CSS("nav[aria-label=Main]")),
	)
	if got := app.scalar("SELECT timezone FROM users WHERE email = 'zoe@example.com'"); got != zone {
		t.Errorf("account's zone %v, want %q", got, zone)
	}
}
