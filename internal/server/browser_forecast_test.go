package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserRaiseAForecastOnPhone raises a forecast from the capture form
// on a phone, under "More", sees it wait under "Forecasts to close" once its
// day has come, audits the pages it shows on, and closes it.
func TestBrowserRaiseAForecastOnPhone(t *testing.T) {
	t.Parallel()
	app, ctx := phoneSignup(t)
	base := app.ts.URL
	steps(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#new_boss_name"), "Dana Lead"),
		chromedp.SendKeys(chromedp.CSS("#summary"), "Warned Dana about the vendor"),
	)
	// The block is folded under More until asked for.
	visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#forecast").checkVisibility()`))
	if err != nil || visible {
		t.Fatalf("the forecast field shows before it is asked for (%v)", err)
	}
	open, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("details.more").open`))
	if err != nil {
		t.Fatal(err)
	}
	if !open {
		steps(t, ctx, chromedp.Click(chromedp.CSS("details.more > summary")))
	}
	today, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#occurred_on").value`))
	if err != nil || today == "" {
		t.Fatalf("the entry's date: %q, %v", today, err)
	}
	steps(t, ctx,
		chromedp.Click(chromedp.CSS("details.forecast-block > summary")),
		chromedp.WaitVisible(chromedp.CSS("#forecast")),
		chromedp.SendKeys(chromedp.CSS("#forecast"), "The vendor slips the January release"),
		// Due today, so that it is at once a forecast to close.
		chromedp.SetValue(chromedp.CSS("#expected_by"), today),
		chromedp.SetValue(chromedp.CSS("#likelihood"), "high"),
		chromedp.SendKeys(chromedp.CSS("#impact"), "Launch moves a sprint"),
		chromedp.SendKeys(chromedp.CSS("#prepared"), "A quote from a second vendor"),
	)
	wantNoWider(t, ctx, 390, "capture form with the forecast block")
	auditCurrent(t, ctx, "capture form with the forecast block open")
	saveScreenshot(t, ctx, "capture-forecast-390")
	// No practice ticked: the forecast tags the entry itself.
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".entry-form button.save")),
		chromedp.WaitVisible(chromedp.CSS("#forecast-heading")),
	)
	if got := textOf(t, ctx, ".chips"); !strings.Contains(got, "Be the solution seeker") {
		t.Errorf("entry chips %q", got)
	}
	if got := textOf(t, ctx, ".forecast-status"); !strings.Contains(got, "due to close") {
		t.Errorf("forecast status %q", got)
	}
	auditCurrent(t, ctx, "entry page with a forecast")
	entryURL, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		t.Fatal(err)
	}
	// Home and the week page list it to close.
	auditPages(t, ctx, base, []string{"/", "/weeks"})
	if got := textOf(t, ctx, "#forecasts-due-heading"); got != "Forecasts to close" {
		t.Errorf("the week page's heading %q", got)
	}
	if got := textOf(t, ctx, ".forecasts-due"); !strings.Contains(got, "The vendor slips the January release") {
		t.Errorf("forecasts to close on the week page: %q", got)
	}
	steps(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(".forecasts-due")),
		chromedp.Click(chromedp.CSS(".forecasts-due a")),
		chromedp.WaitVisible(chromedp.CSS("#forecast-heading")),
		chromedp.SetValue(chromedp.CSS("#result"), "averted"),
		chromedp.Click(chromedp.CSS("form[action$='/forecast'] button[type=submit]")),
	)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".forecast-status[data-result=averted]"))); err != nil {
		t.Fatalf("the result does not show after saving it: %v", err)
	}
	saveScreenshot(t, ctx, "entry-forecast-390")
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`)); got != entryURL {
		t.Errorf("closed the forecast of %s, want %s", got, entryURL)
	}
	want := "The vendor slips the January release|" + today + "|high|Launch moves a sprint|A quote from a second vendor|" + today + "|averted|" + today
	if got := app.scalar("SELECT forecast || '|' || expected_by || '|' || likelihood || '|' || impact || '|' || prepared || '|' || noticed_on || '|' || result || '|' || resolved_on FROM forecasts"); got != want {
		t.Errorf("forecast in the database: %v, want %v", got, want)
	}
	if got := app.scalar("SELECT group_concat(practice) FROM entry_practices"); got != "solutions" {
		t.Errorf("practices in the database: %v", got)
	}
}
