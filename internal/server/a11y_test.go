package server

import (
	"context"
	_ "embed"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core 4.14.1 (MPL-2.0, testdata/axe/LICENSE), vendored so
// that the accessibility audit needs no network.
//
//go:embed testdata/axe/axe.min.js
var axeSource string

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []string `json:"target"`
	} `json:"nodes"`
}

// TestAccessibility audits every main page with axe-core in Chromium, at
// phone width, after a journal has been logged.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	ctx := startBrowser(t, 390, 844) // each page gets its own deadline below
	base := f.app.ts.URL
	auditPages(t, ctx, base, []string{"/login", "/signup", "/offline"})
	signInCtx, cancelSignIn := withPageDeadline(ctx)
	defer cancelSignIn()
	signInAsAnn(t, signInCtx, base)
	fu := fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = 'Draft the roadmap'"))
	pages := []string{
		"/", "/entries", "/entries?q=billing", "/entries/new", "/entries/" + f.e1, "/entries/" + f.e1 + "/edit",
		"/bosses", "/bosses/" + f.dana, "/bosses/" + f.dana + "/prep", "/followups", "/weeks/2026-W48", "/settings", "/settings/notifications",
		"/followups/" + fu + "/edit", "/entries/new?text=Shared%20note&url=https%3A%2F%2Fexample.com%2Fa",
	}
	auditPages(t, ctx, base, pages)
	// Pages reached by a POST: the follow-up's confirmation step.
	stepCtx, cancel := withPageDeadline(ctx)
	defer cancel()
	steps(t, stepCtx,
		chromedp.Navigate(base+"/followups/"+fu+"/edit"),
		chromedp.Click(chromedp.CSS("form[action$='/delete'] button")),
		chromedp.WaitReady(chromedp.CSS("input[name=confirm]")),
	)
	auditCurrent(t, stepCtx, "follow-up removal step")

	// The dark scheme has its own colours: their contrast is audited too.
	darkCtx, cancelDark := withPageDeadline(ctx)
	defer cancelDark()
	useDarkScheme(t, darkCtx)
	auditPages(t, ctx, base, pages)
}

// auditPages runs axe's WCAG 2.1 A and AA rules on each page and reports
// every violation with where it is.
func auditPages(t *testing.T, c context.Context, base string, pages []string) {
	t.Helper()
	for _, p := range pages {
		pc, cancel := withPageDeadline(c)
		err := chromedp.Do(pc, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body")))
		if err != nil {
			cancel()
			t.Fatalf("%s: %v", p, err)
		}
		auditCurrent(t, pc, p)
		cancel()
	}
}

// auditCurrent audits the page the browser is on, for pages reached by a
// POST such as a confirmation step.
func auditCurrent(t *testing.T, c context.Context, p string) {
	t.Helper()
	if _, err := chromedp.Run(c, chromedp.Evaluate[bool](axeSource+";true")); err != nil {
		t.Fatalf("inject axe on %s: %v", p, err)
	}
	violations, err := chromedp.Run(c, chromedp.Evaluate[[]axeViolation](
		`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", p, err)
	}
	for _, v := range violations {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, strings.Join(n.Target, " "))
		}
		t.Errorf("%s: %s (%s): %s at %s", p, v.ID, v.Impact, v.Help, strings.Join(where, "; "))
	}
}
