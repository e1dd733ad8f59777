package server

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestBrowserCopyDraft clicks the review's Copy button in Chromium and
// reads the clipboard back: it holds the Markdown draft, links and all.
func TestBrowserCopyDraft(t *testing.T) {
	f := reviewFixture(t)
	ctx := newBrowser(t, 390, 844)
	base := f.app.ts.URL
	signInAsAnn(t, ctx, base)
	// The grant is the test's own browser context's, not the whole browser's.
	tab := chromedp.FromContext(ctx).BrowserContextID
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		p := browser.SetPermissionParams{Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: base, BrowserContextID: tab}
		if _, err := chromedp.Call(ctx, browser.SetPermission, p); err != nil {
			t.Fatalf("grant %s: %v", name, err)
		}
	}
	steps(t, ctx,
		chromedp.Navigate(base+"/review?from=2026-08-01&to=2026-11-30"),
		chromedp.WaitVisible(chromedp.CSS("button[data-copy-draft]")),
		chromedp.Click(chromedp.CSS("button[data-copy-draft]")),
		chromedp.WaitVisible(chromedp.CSS("button[data-copy-draft][aria-label$='copied']")),
	)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	want := f.ann.get("/review.md?from=2026-08-01&to=2026-11-30").body
	if got != want || !strings.Contains(got, "# Self-review draft") {
		t.Errorf("clipboard holds %q, want the draft %q", got, want)
	}
}
