package server

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserNoScriptBackThenSaveSavesOnce: with JavaScript off, fill the
// capture form, Save, go Back (Chromium fetches the no-store form again,
// with a new token, and refills the fields), Save again: one entry, and
// the page says it was already saved. Scripts go off after signing in,
// as the sign-in helper waits on the page. It runs alone: once in four
// runs of the package on a two-core machine under a load of 20, beside
// the parallel browser tests, it ran past its deadline after Back and
// Save, where it takes 10 s alone.
func TestBrowserNoScriptBackThenSaveSavesOnce(t *testing.T) {
	app := newTestApp(t)
	captureUser(t, app, "noscript@example.com", 1) // the last entry's boss is chosen
	ctx := newBrowser(t, 390, phoneHeight)
	if err := browserLogin(ctx, app.ts.URL, "/", "noscript@example.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx, chromedp.Navigate(app.ts.URL+"/"))
	steps(t, ctx,
		fillCapture("Backed and saved again"),
		chromedp.Click(chromedp.CSS(".entry-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
		chromedp.NavigateBack(),
		chromedp.WaitVisible(chromedp.CSS("#summary")),
	)
	refilled, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#summary")))
	t.Logf("summary after Back: %q", refilled)
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".entry-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	saveScreenshot(t, ctx, "noscript-back-save-390")
	main := textOf(t, ctx, "main")
	if !strings.Contains(main, "Already saved") {
		t.Errorf("after Back and Save the page does not say it was already saved:\n%s", main)
	}
	if n := app.count("entries"); n != 2 {
		t.Errorf("entries = %d after one entry and Save, Back, Save without scripts, want 2", n)
	}
}
