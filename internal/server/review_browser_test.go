package server

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserReviewAndPrep audits the review and the prep page with axe at
// phone and desktop width, light and dark, checks that neither scrolls
// sideways, and saves screenshots (LEADUP_SCREENSHOT_DIR keeps them).
func TestBrowserReviewAndPrep(t *testing.T) {
	t.Parallel()
	f := reviewFixture(t)
	f.ann.createdID("/bosses/"+f.dana+"/priorities", url.Values{"text": {"Hire a QA lead"}}, "/bosses/")
	f.app.db.Writer().Exec("UPDATE priorities SET noted_on = '2026-10-01' WHERE text = 'Hire a QA lead'")
	f.ann.post("/bosses/"+f.dana+"/manual", url.Values{"manual_prefers": {"in_person"}, "manual_channel": {"Slack DM before 10:00"},
		"manual_cares": {"Shipping the Q4 plan without a slip"}, "manual_frustrations": {"Surprises in the board pack"},
		"manual_notes": {"Lead with the **decision** you need, then the detail."}})

	ctx := newBrowser(t, 390, 844)
	base := f.app.ts.URL
	signInAsAnn(t, ctx, base)
	pages := map[string]string{
		"review": "/review?from=2026-08-01&to=2026-11-30",
		"prep":   "/bosses/" + f.dana + "/prep",
	}
	for _, width := range []int64{390, 1280} {
		steps(t, ctx, chromedp.EmulateViewport(width, 900))
		for _, name := range []string{"review", "prep"} {
			steps(t, ctx, chromedp.Navigate(base+pages[name]), chromedp.WaitReady(chromedp.CSS("footer, body")))
			label := fmt.Sprintf("%s at %d px", pages[name], width)
			auditCurrent(t, ctx, label)
			wantNoWider(t, ctx, int(width), label)
			saveScreenshot(t, ctx, fmt.Sprintf("%s-%d", name, width))
		}
	}
	// The chart's bar colours and the flags in the dark scheme.
	useDarkScheme(t, ctx)
	auditPages(t, ctx, base, []string{pages["review"], pages["prep"], "/review?from=2026-12-01&to=2026-11-01", "/bosses/" + f.dana})
}
