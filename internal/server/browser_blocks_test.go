package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserRaiseAProblemOnPhone raises a problem with two options and a
// recommendation from the capture form on a phone, then records the
// decision on the entry's page.
func TestBrowserRaiseAProblemOnPhone(t *testing.T) {
	t.Parallel()
	app, ctx := phoneSignup(t)
	steps(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#new_boss_name"), "Dana Lead"),
		chromedp.SendKeys(chromedp.CSS("#summary"), "Raised the QA bottleneck"),
		// The block is folded under More until asked for.
		chromedp.Click(chromedp.CSS("details.more > summary")),
		chromedp.Click(chromedp.CSS("details.entry-block summary")),
		chromedp.WaitVisible(chromedp.CSS("#problem")),
		chromedp.SendKeys(chromedp.CSS("#problem"), "Releases wait two days for manual QA"),
		chromedp.SendKeys(chromedp.CSS("#option-1"), "Automate the smoke tests"),
		chromedp.SendKeys(chromedp.CSS("#option-2"), "Borrow a tester from platform"),
		chromedp.SendKeys(chromedp.CSS("#recommendation"), "Automate first; it pays back in a month"),
	)
	wantNoWider(t, ctx, 390, "capture form with the problem block")
	saveScreenshot(t, ctx, "capture-problem-390")
	// No practice ticked: the problem block tags the entry itself.
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".entry-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#problem-heading")),
	)
	if got := textOf(t, ctx, ".problem-options"); !strings.Contains(got, "Automate the smoke tests") || !strings.Contains(got, "Borrow a tester from platform") {
		t.Errorf("options on the entry page: %q", got)
	}
	if got := textOf(t, ctx, ".chips"); !strings.Contains(got, "Be the solution seeker") {
		t.Errorf("entry chips %q", got)
	}
	steps(t, ctx,
		chromedp.SetValue(chromedp.CSS("#decision"), "taken"),
		chromedp.SendKeys(chromedp.CSS("#note"), "Pilot starts Monday"),
		chromedp.Click(chromedp.CSS("form[action$='/decision'] button[type=submit]")),
	)
	// The page reloads after the 303; wait for the recorded decision.
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(".decision-status[data-decision=taken]"))); err != nil {
		t.Fatalf("the decision does not show after saving it: %v", err)
	}
	if got := textOf(t, ctx, ".decision-status"); !strings.Contains(got, "Recommendation taken") {
		t.Errorf("decision shown as %q", got)
	}
	saveScreenshot(t, ctx, "entry-decision-390")
	if got := app.scalar("SELECT decision || ':' || decision_note || ':' || json_array_length(options) FROM problems"); got != "taken:Pilot starts Monday:2" {
		t.Errorf("problem in the database: %v", got)
	}
	if got := app.scalar("SELECT group_concat(practice) FROM entry_practices"); got != "solutions" {
		t.Errorf("practices in the database: %v", got)
	}
}
