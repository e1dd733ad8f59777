package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFeedAddressOnce: making a calendar feed lands on the page with
// its address, a Copy button the script shows and that copies, and a
// webcal:// link, at an address without the feed in it; a reload shows the
// address no more.
func TestBrowserFeedAddressOnce(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	captureUser(t, app, "feed@example.com", 0)
	ctx := newBrowser(t, 390, phoneHeight)
	if err := browserLogin(ctx, app.ts.URL, "/settings/notifications", "feed@example.com"); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx,
		chromedp.SendKeys(chromedp.CSS("form[action$='/settings/calendar'] input[name=password]"), "correct horse battery"),
		chromedp.Click(chromedp.CSS("form[action$='/settings/calendar'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#feed-url")),
		chromedp.WaitVisible(chromedp.CSS("button[data-copy=feed-url]")),
	)
	if loc := location(t, ctx); loc != app.ts.URL+"/settings/notifications" {
		t.Errorf("after making a feed the browser is at %q, want /settings/notifications", loc)
	}
	addr, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#feed-url")))
	webcal, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("a[href^='webcal://']").getAttribute("href")`))
	if !strings.HasSuffix(addr, ".ics") || webcal != "webcal://"+strings.TrimPrefix(addr, "http://") {
		t.Errorf("address %q, webcal link %q", addr, webcal)
	}
	steps(t, ctx, chromedp.Click(chromedp.CSS("button[data-copy=feed-url]")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.querySelector("button[data-copy]").textContent !== "Copy"`)); err != nil {
		t.Fatal(err)
	}
	t.Logf("after Copy the button reads %q", textOf(t, ctx, "button[data-copy]"))
	saveScreenshot(t, ctx, "feed-made-390")
	steps(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#calendar-heading")))
	if html, _ := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("main"))); strings.Contains(html, addr) {
		t.Error("a reload shows the address again")
	}
	if n := app.count("calendar_feeds"); n != 1 {
		t.Errorf("%d feeds after a reload, want 1", n)
	}
}
