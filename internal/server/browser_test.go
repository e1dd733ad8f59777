package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/leadup/leadup/internal/testenv"
)

// browserDeadline bounds one browser test, or one page of a test that
// audits many (TestAccessibility), so that a loaded two-core machine
// fails a page that hangs rather than a long run of pages that don't.
// Browser tests now run side by side, so a page may wait its turn for
// the CPU: two minutes still ends a hang long before the run does.
const browserDeadline = 2 * time.Minute

// newBrowser opens a fresh tab of the test binary's one headless Chromium
// with a viewport of the given size, its whole test bounded by
// browserDeadline. Without Chromium the test is skipped, unless
// LEADUP_REQUIRE_BROWSER=1 (as in CI), where a missing browser is a
// failure.
func newBrowser(t *testing.T, width, height int) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(startBrowser(t, width, height), browserDeadline)
	t.Cleanup(cancel)
	return ctx
}

// startBrowser is newBrowser without the deadline: a test that gives each
// of its steps a deadline of its own (withPageDeadline) starts here.
//
// Each test gets its own incognito browser context (cookies, storage,
// service workers, caches and permissions of its own) in a window of its
// own, closed when the test ends; the browser process is shared, started
// by the first test that needs it and stopped by TestMain.
func startBrowser(t *testing.T, width, height int) context.Context {
	t.Helper()
	browser := sharedBrowser(t)
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	// The first Run opens the tab, whose events are read for as long as
	// the context it is given lives: it must not carry a timeout. The
	// window takes the test's size, and the viewport is held at it.
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
			return resize(ctx, tgt, width, height)
		}),
		chromedp.EmulateViewport(int64(width), int64(height)),
	)
	if err != nil {
		t.Fatalf("open a tab in Chromium: %v", err)
	}
	return ctx
}

// resize makes the tab's window width×height.
func resize(ctx context.Context, tgt *chromedp.Target, width, height int) error {
	b := chromedp.FromContext(ctx).Browser
	win, err := cdp.Call(ctx, b, cdpbrowser.GetWindowForTarget, cdpbrowser.GetWindowForTargetParams{TargetID: tgt.TargetID})
	if err != nil {
		return err
	}
	bounds := cdpbrowser.SetWindowBoundsParams{WindowID: win.WindowID, Bounds: &cdpbrowser.Bounds{Width: int64(width), Height: int64(height)}}
	_, err = cdp.Call(ctx, b, cdpbrowser.SetWindowBounds, bounds)
	return err
}

// chromium is the one browser process of the test binary.
var chromium struct {
	once    sync.Once
	ctx     context.Context // the browser; each test opens its tabs under it
	stop    func()
	missing bool
	err     error
}

// sharedBrowser starts Chromium on first use and returns its context.
func sharedBrowser(t *testing.T) context.Context {
	t.Helper()
	chromium.once.Do(startChromium)
	if chromium.missing {
		testenv.Missing(t, "Chromium", "install Debian's chromium")
	}
	if chromium.err != nil {
		t.Fatalf("start Chromium: %v", chromium.err)
	}
	return chromium.ctx
}

// startChromium starts the headless browser every browser test shares.
func startChromium() {
	path := os.Getenv("LEADUP_CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		chromium.missing = true
		return
	}
	profile, err := os.MkdirTemp("", "leadup-chromium-")
	if err != nil {
		chromium.err = err
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // tests run as root in CI
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		// Tabs in windows that are not in front must not be slowed down:
		// each test's window is in front of nothing.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	chromium.stop = func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	// The first Run starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		chromium.stop()
		chromium.err = err
		return
	}
	chromium.ctx = ctx
}

// TestMain stops the shared browser once every test has run.
func TestMain(m *testing.M) {
	code := m.Run()
	if chromium.ctx != nil {
		chromium.stop()
	}
	os.Exit(code)
}

// withPageDeadline gives one page of a many-page test its own deadline.
func withPageDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, browserDeadline)
}

// saveScreenshot writes a full-page PNG (quality 100 makes Chromium send a
// PNG rather than a JPEG) to LEADUP_SCREENSHOT_DIR, or to the
// test's temporary folder, and logs where.
func saveScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	writeScreenshot(t, name, png)
}

// writeScreenshot keeps a PNG under name in LEADUP_SCREENSHOT_DIR, or in
// the test's temporary folder, and logs where.
func writeScreenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	dir := os.Getenv("LEADUP_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	if len(png) < 1000 {
		t.Errorf("screenshot %s is only %d bytes", path, len(png))
	}
	t.Logf("screenshot: %s", path)
}

func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// fillSignup opens the signup page, types the fields and submits.
func fillSignup(base, email, password, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/signup"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		fillSignupFields(email, password, name),
	)
}

// fillSignupFields types the fields of the signup page the browser shows
// and submits.
func fillSignupFields(email, password, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.SendKeys(chromedp.CSS("#display_name"), name),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
	)
}

func TestBrowserSignupSignOutSignIn(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	ctx := newBrowser(t, 390, 844)
	base := app.ts.URL

	// A short password is refused and what was typed stays.
	steps(t, ctx,
		fillSignup(base, "ann@example.com", "short", "Ann Browser"),
		chromedp.WaitVisible(chromedp.CSS("#password-error")),
	)
	if got := textOf(t, ctx, "#password-error"); !strings.Contains(got, "10 characters") {
		t.Errorf("password error %q", got)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#email"))); v != "ann@example.com" {
		t.Errorf("email field %q after a 422, want what was typed", v)
	}
	// The script filled in the browser's zone, and the server accepted it.
	zone, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#timezone")))
	if zone == "" {
		t.Error("time zone field is empty")
	}
	saveScreenshot(t, ctx, "signup-error-390")

	steps(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("nav[aria-label=Main]")),
	)
	if got := textOf(t, ctx, "h1"); got != "Log an interaction" {
		t.Fatalf("after signup h1 = %q", got)
	}
	saveScreenshot(t, ctx, "home-390")

	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".nav button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("form[action='/login']")),
	)
	if loc := location(t, ctx); !strings.HasSuffix(loc, "/login") {
		t.Errorf("after sign out at %s, want /login", loc)
	}
	if n := app.count("sessions"); n != 0 {
		t.Errorf("sessions = %d after sign out, want 0", n)
	}

	steps(t, ctx,
		chromedp.Navigate(base+"/settings"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		fillLogin("ANN@example.com"),
		chromedp.WaitVisible(chromedp.CSS("#profile-heading")),
	)
	if loc := location(t, ctx); !strings.HasSuffix(loc, "/settings") {
		t.Errorf("after sign in at %s, want /settings (the next parameter)", loc)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#timezone"))); got != zone {
		t.Errorf("saved time zone %q, want %q", got, zone)
	}
	saveScreenshot(t, ctx, "settings-390")
}

func TestBrowserFirstEntryOnPhone(t *testing.T) {
	t.Parallel()
	app, ctx := phoneSignup(t)
	// The quick-capture form fits a phone: nothing wider than the viewport.
	wantNoWider(t, ctx, 390, "the capture form")
	saveScreenshot(t, ctx, "capture-empty-390")

	// Submitting with no practice keeps what was typed.
	steps(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#new_boss_name"), "Dana Lead"),
		chromedp.SendKeys(chromedp.CSS("#summary"), "Agreed the launch plan"),
		chromedp.Click(chromedp.CSS("details.more summary")),
		chromedp.SendKeys(chromedp.CSS("#notes"), "She wants a risk list by Friday."),
		chromedp.Click(chromedp.CSS(".entry-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#practice-error")),
	)
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#notes"))); v != "She wants a risk list by Friday." {
		t.Errorf("notes after a 422: %q", v)
	}
	steps(t, ctx,
		chromedp.Click(chromedp.CSS("label[for=practice-results]")),
		chromedp.Click(chromedp.CSS("label[for=practice-solutions]")),
		chromedp.Click(chromedp.CSS(".entry-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
	)
	if got := textOf(t, ctx, "h1"); got != "Agreed the launch plan" {
		t.Fatalf("entry page h1 %q", got)
	}

	steps(t, ctx,
		chromedp.SendKeys(chromedp.CSS("#text"), "Send the risk list"),
		chromedp.SetValue(chromedp.CSS("#due_on"), time.Now().AddDate(0, 0, 3).Format("2006-01-02")),
		chromedp.Click(chromedp.CSS("form[action$='/followups'] button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".followup")),
	)
	saveScreenshot(t, ctx, "entry-390")
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".followup-toggle button")),
		chromedp.WaitVisible(chromedp.CSS(".followup.done")),
	)
	if got := app.scalar("SELECT count(*) FROM followups WHERE done_at IS NOT NULL"); got != int64(1) {
		t.Errorf("done follow-ups in the database: %v, want 1", got)
	}

	steps(t, ctx,
		chromedp.Click(chromedp.CSS("a[href='/entries']")),
		chromedp.WaitVisible(chromedp.CSS(".entry-row")),
	)
	if got := textOf(t, ctx, ".entry-summary"); got != "Agreed the launch plan" {
		t.Errorf("list shows %q", got)
	}
	if got := textOf(t, ctx, ".entry-row .chips"); !strings.Contains(got, "Deliver results") || !strings.Contains(got, "Be the solution seeker") {
		t.Errorf("list chips %q", got)
	}
	saveScreenshot(t, ctx, "entries-390")
}

func TestBrowserWeekPage(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	for _, size := range []screen{{"phone", 390, 844}, {"desktop", 1280, 900}} {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t, size.width, size.height)
			steps(t, ctx,
				chromedp.Navigate(f.app.ts.URL+"/weeks/2026-W48"),
				fillLogin("ann@example.com"),
				chromedp.WaitVisible(chromedp.CSS("svg.trend")),
			)
			if got := textOf(t, ctx, "h1"); !strings.Contains(got, "2026-W48") {
				t.Errorf("h1 %q", got)
			}
			bars, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.querySelectorAll('svg.trend rect').length"))
			if err != nil || bars != 6 {
				t.Errorf("trend chart has %d bar segments, want 6 (results, team and solutions in W48; one practice each in W45–W47): %v", bars, err)
			}
			wantNoWider(t, ctx, size.width, "the week page")
			saveScreenshot(t, ctx, "week-"+size.name)

			steps(t, ctx,
				chromedp.Navigate(f.app.ts.URL+"/bosses/"+f.dana+"/prep"),
				chromedp.WaitVisible(chromedp.CSS("#owe-heading")),
			)
			if got := textOf(t, ctx, "h1"); got != "Next 1:1 with Dana" {
				t.Errorf("prep h1 %q", got)
			}
			saveScreenshot(t, ctx, "prep-"+size.name)
			steps(t, ctx,
				chromedp.Navigate(f.app.ts.URL+"/"),
				chromedp.WaitVisible(chromedp.CSS(".glance")),
			)
			saveScreenshot(t, ctx, "home-"+size.name)
		})
	}
}

// TestBrowserTestsShareOneChromiumNotState: two tests' tabs run in one
// browser process, yet what one tab keeps (a session cookie, local
// storage) the other does not see.
func TestBrowserTestsShareOneChromiumNotState(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	captureUser(t, app, "one@example.com", 0)
	one, two := newBrowser(t, 390, 844), newBrowser(t, 1280, 800)
	p1, p2 := chromedp.FromContext(one).Browser.Process(), chromedp.FromContext(two).Browser.Process()
	if p1 == nil || p2 == nil {
		t.Fatal("a tab has no browser process")
	}
	if p1.Pid != p2.Pid {
		t.Errorf("tabs run in browser processes %d and %d, want one", p1.Pid, p2.Pid)
	}
	if err := browserLogin(one, app.ts.URL, "/", "one@example.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(one, chromedp.Evaluate[bool](`localStorage.setItem("kept", "one"), true`)); err != nil {
		t.Fatal(err)
	}
	steps(t, two, chromedp.Navigate(app.ts.URL+"/settings"), chromedp.WaitVisible(chromedp.CSS("#email")))
	if loc := location(t, two); !strings.Contains(loc, "/login") {
		t.Errorf("the second tab opened %s, want the sign-in page (no session of the first)", loc)
	}
	kept, err := chromedp.Run(two, chromedp.Evaluate[string](`localStorage.getItem("kept") || ""`))
	if err != nil || kept != "" {
		t.Errorf("the second tab reads %q from local storage (%v), want nothing", kept, err)
	}
	if w, _ := chromedp.Run(two, chromedp.Evaluate[int](`innerWidth`)); w != 1280 {
		t.Errorf("the second tab is %d px wide, want its own 1280", w)
	}
}
