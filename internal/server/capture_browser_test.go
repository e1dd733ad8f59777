package server

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/leadup/leadup/internal/journal"
)

// phoneHeight is the viewport the everyday entry must fit in: a 390×844 phone.
const phoneHeight = 844

// captureUser signs up a user with three bosses and n entries over HTTP, so
// the browser sees the home page of someone who has used leadup a while.
func captureUser(t *testing.T, app *testApp, email string, entries int) (c *client, bosses []string) {
	t.Helper()
	c = app.signedUp(email)
	for _, name := range []string{"Dana Lead", "Eve Skip", "Frank Stakeholder"} {
		bosses = append(bosses, c.createdID("/bosses", url.Values{"name": {name}, "relation": {"manager"}}, "/bosses/"))
	}
	for i := 0; i < entries; i++ {
		c.createdID("/entries", entryForm("boss_id", bosses[i%len(bosses)], "summary", fmt.Sprintf("Weekly sync number %d", i)), "/entries/")
	}
	return c, bosses
}

// browserLogin signs in through the login form and waits for path.
func browserLogin(ctx context.Context, base, path, email string) error {
	return chromedp.Do(ctx,
		chromedp.Navigate(base+"/login?next="+url.QueryEscape(path)),
		fillLogin(email),
		chromedp.WaitVisible(chromedp.CSS("nav[aria-label=Main]")),
	)
}

type box struct{ X, Y, W, H float64 }

// rectOf returns the element's box relative to the top of the page.
func rectOf(t *testing.T, ctx context.Context, sel string) box {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.Evaluate[box](fmt.Sprintf(
		`(() => { const r = document.querySelector(%q).getBoundingClientRect();
		  return {X: r.x, Y: r.y + window.scrollY, W: r.width, H: r.height}; })()`, sel)))
	if err != nil {
		t.Fatalf("box of %s: %v", sel, err)
	}
	return b
}

// TestBrowserCaptureFitsOnePhoneScreen is the corridor test: with three
// bosses, the summary, every practice and Save are inside the first screen.
func TestBrowserCaptureFitsOnePhoneScreen(t *testing.T) {
	t.Parallel()
	_, ctx, bosses := capturePhone(t, "corridor@example.com", 3)
	for _, sel := range []string{"#summary", "label[for=practice-solutions]", ".entry-form button[type=submit]"} {
		b := rectOf(t, ctx, sel)
		t.Logf("%s: y=%.0f bottom=%.0f", sel, b.Y, b.Y+b.H)
		if b.Y+b.H > phoneHeight || b.H == 0 {
			t.Errorf("%s ends at y=%.0f, want inside the first %d px", sel, b.Y+b.H, phoneHeight)
		}
	}
	// Each practice toggle, the whole chip, is a target of at least 44×44.
	for _, p := range journal.Practices {
		b := rectOf(t, ctx, "label[for=practice-"+p.Key+"]")
		if b.W < 44 || b.H < 44 {
			t.Errorf("toggle %s is %.0f×%.0f px, want at least 44×44", p.Key, b.W, b.H)
		}
	}
	// The header shows every destination (TestBrowserNavOneTapWithoutScript)
	// in at most the brand and two rows of 44 px targets.
	if h := rectOf(t, ctx, ".site-header").H; h > 130 {
		t.Errorf("header is %.0f px high on a phone, want the brand and two rows of links (≤ 130)", h)
	}
	wantNoWider(t, ctx, 390, "the home page")
	// The latest entry's boss is chosen, and the date is today in the
	// user's zone (the test users live in Europe/Berlin).
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#boss_id"))); v != bosses[2] {
		t.Errorf("boss preselected %q, want %s (the latest entry's)", v, bosses[2])
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#occurred_on"))); v != time.Now().In(berlin).Format("2006-01-02") {
		t.Errorf("date %q, want today in Berlin", v)
	}
	// Toggles stay real checkboxes: the keyboard toggles them.
	steps(t, ctx,
		chromedp.Focus(chromedp.CSS("#practice-team")),
		chromedp.KeyEvent(" "),
	)
	if on, _ := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.querySelector('#practice-team').checked")); !on {
		t.Error("space on a focused practice did not check it")
	}
	saveScreenshot(t, ctx, "capture-3-bosses-390")
}

// slowNetwork makes every request wait, as on a phone in a corridor.
func slowNetwork(t *testing.T, ctx context.Context, latencyMS float64) {
	t.Helper()
	emulateNetwork(t, ctx, network.Conditions{Latency: latencyMS, DownloadThroughput: -1, UploadThroughput: -1})
}

// emulateNetwork makes the browser's every request meet the conditions.
func emulateNetwork(t *testing.T, ctx context.Context, c network.Conditions) {
	t.Helper()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	rule := network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{&c}}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, rule); err != nil {
		t.Fatal(err)
	}
}

// fillCapture types the everyday entry: a summary and two practices.
func fillCapture(summary string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS("#summary")),
		chromedp.SendKeys(chromedp.CSS("#summary"), summary),
		chromedp.Click(chromedp.CSS("label[for=practice-results]")),
		chromedp.Click(chromedp.CSS("label[for=practice-team]")),
	)
}

func TestBrowserDoubleSaveMakesOneEntry(t *testing.T) {
	t.Parallel()
	app, ctx, _ := capturePhone(t, "double@example.com", 1)
	steps(t, ctx, fillCapture("Double tapped"))
	slowNetwork(t, ctx, 1500)
	// Two real clicks on Save, the second while the first is still on its way.
	b := rectOf(t, ctx, ".entry-form button.save")
	x, y := b.X+b.W/2, b.Y+b.H/2
	steps(t, ctx,
		chromedp.MouseClickXY(x, y),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.MouseClickXY(x, y),
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
	)
	if n := app.scalar("SELECT count(*) FROM entries WHERE summary = 'Double tapped'"); n != int64(1) {
		t.Errorf("entries after a double tap: %v, want 1", n)
	}
}

func TestBrowserSaveBackSaveMakesOneEntry(t *testing.T) {
	t.Parallel()
	app, ctx, _ := capturePhone(t, "back@example.com", 1)
	steps(t, ctx,
		fillCapture("Saved, back, saved"),
		chromedp.Click(chromedp.CSS(".entry-form button.save")),
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
	)
	first := location(t, ctx)
	// history.back, not NavigateBack: a page restored from the
	// back/forward cache fires no load event to wait for; and chromedp's
	// node queries do not see a restored document, so script does the rest.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("history.back(), true")); err != nil {
		t.Fatal(err)
	}
	summary := evalUntil(t, ctx, `(() => { const s = document.querySelector("#summary"); return s && location.pathname === "/" ? s.value : ""; })()`)
	// Whether Chromium restored the filled form from its cache or the
	// script restored the draft, Save sends the same token again.
	if summary != "Saved, back, saved" {
		t.Fatalf("after Back the summary is %q; the test needs the filled form", summary)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".entry-form button.save").click(), true`)); err != nil {
		t.Fatal(err)
	}
	evalUntil(t, ctx, `location.pathname.startsWith("/entries/") && document.querySelector("#followups-heading") ? "yes" : ""`)
	if loc := location(t, ctx); loc != first {
		t.Errorf("second Save went to %s, want the first entry %s", loc, first)
	}
	if n := app.scalar("SELECT count(*) FROM entries WHERE summary = 'Saved, back, saved'"); n != int64(1) {
		t.Errorf("entries after Save, Back, Save: %v, want 1", n)
	}
}

// evalUntil evaluates a script until it returns a non-empty string.
func evalUntil(t *testing.T, ctx context.Context, script string) string {
	t.Helper()
	for i := 0; i < 100; i++ {
		if v, err := chromedp.Run(ctx, chromedp.Evaluate[string](script)); err == nil && v != "" {
			return v
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("still empty after 10 s: %s", script)
	return ""
}

func TestBrowserExpiredSessionSavesAfterSignIn(t *testing.T) {
	t.Parallel()
	app, ctx, _ := capturePhone(t, "expired@example.com", 1)
	steps(t, ctx, fillCapture("Typed before the session ended"))
	// Every session ends while the form is open.
	if _, err := app.db.DeleteExpiredSessions(context.Background(), time.Now().Add(1000*time.Hour), time.Now().Add(1000*time.Hour)); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".entry-form button.save")),
		chromedp.WaitVisible(chromedp.CSS("form[action$='/login'] #password")),
	)
	if got := textOf(t, ctx, ".notice.bad"); !strings.Contains(got, "will be saved") {
		t.Errorf("sign-in page says %q", got)
	}
	steps(t, ctx,
		fillLogin("expired@example.com"),
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
	)
	if got := textOf(t, ctx, "h1"); got != "Typed before the session ended" {
		t.Errorf("after sign-in h1 %q", got)
	}
	if n := app.scalar("SELECT count(*) FROM entry_practices p JOIN entries e ON e.id = p.entry_id WHERE e.summary = 'Typed before the session ended'"); n != int64(2) {
		t.Errorf("saved entry has %v practices, want 2", n)
	}
}

func TestBrowserDraftSurvivesAndClears(t *testing.T) {
	t.Parallel()
	app, ctx, _ := capturePhone(t, "draft@example.com", 1)
	base := app.ts.URL
	// wantDrafts stops the test unless the device holds want drafts.
	wantDrafts := func(want int, when string) {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Object.keys(localStorage).filter(k => k.startsWith("leadup-draft-")).length`))
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Fatalf("drafts %s = %d, want %d", when, n, want)
		}
	}
	// Typed, then the page is left and opened again: the draft is back.
	steps(t, ctx,
		fillCapture("Kept in the drafts"),
		chromedp.Navigate(base+"/entries"),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#summary")),
	)
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#summary"))); v != "Kept in the drafts" {
		t.Errorf("summary after reopening %q, want the draft", v)
	}
	if on, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#practice-team").checked`)); !on {
		t.Error("the draft's practice is not checked again")
	}
	wantDrafts(1, "after reopening")
	// Saved: the entry page confirms the draft's token and the draft goes.
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".entry-form button.save")),
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
	)
	wantDrafts(0, "after saving")
	// Sign-out drops any draft left on the device.
	steps(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#summary")),
		chromedp.SendKeys(chromedp.CSS("#summary"), "Left behind"),
	)
	wantDrafts(1, "after typing")
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".nav form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("form[action$='/login']")),
	)
	wantDrafts(0, "after sign-out")
}

// setOffline cuts or restores the browser's network, and tells the page
// (navigator.onLine and its online/offline events).
func setOffline(t *testing.T, ctx context.Context, offline bool) {
	t.Helper()
	emulateNetwork(t, ctx, network.Conditions{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1})
	state := network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, state); err != nil {
		t.Fatal(err)
	}
}
