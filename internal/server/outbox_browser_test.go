package server

import (
	"context"
	"net"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// evalWait evaluates a script until it returns a non-empty string, for at
// most 40 s (the outbox tries again every 5 s while the server is away).
func evalWait(t *testing.T, ctx context.Context, what, script string) string {
	t.Helper()
	for i := 0; i < 400; i++ {
		if v, err := chromedp.Run(ctx, chromedp.Evaluate[string](script)); err == nil && v != "" {
			return v
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("waited 40 s for %s", what)
	return ""
}

// waiting is how many entries this device's outboxes hold, all users'.
func waiting(t *testing.T, ctx context.Context) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Object.keys(localStorage).filter(k => k.startsWith("leadup-outbox-")).map(k => JSON.parse(localStorage.getItem(k)).length).reduce((a, b) => a + b, 0)`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// badgeSays is the outbox badge's text once it says want.
const badgeScript = `(() => { const b = document.querySelector("details.outbox"); return b && !b.hidden ? b.querySelector("summary").textContent : "none"; })()`

func wantBadge(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	got := evalWait(t, ctx, "badge "+want, `(() => { const s = `+badgeScript+`; return s === `+jsString(want)+` ? s : ""; })()`)
	if got != want {
		t.Errorf("badge %q, want %q", got, want)
	}
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }

// saveQueued types an entry, presses Save, and waits for the form to
// clear with the outbox's notice; then Save must work again.
func saveQueued(t *testing.T, ctx context.Context, summary string) {
	t.Helper()
	steps(t, ctx, fillCapture(summary), chromedp.Click(chromedp.CSS(".entry-form button.save")))
	msg := evalWait(t, ctx, "the queued notice", `(() => { const n = document.querySelector(".notice.wait"); return n && !n.hidden && document.querySelector("#summary").value === "" ? n.textContent : ""; })()`)
	if !strings.Contains(msg, "kept on this device") {
		t.Errorf("queued Save says %q", msg)
	}
	if loc := location(t, ctx); strings.HasPrefix(loc, "chrome-error") || !strings.HasSuffix(loc, "/") {
		t.Errorf("after a Save the server did not answer the page is %s", loc)
	}
	enabled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll(".entry-form button.save")].every(b => !b.disabled)`))
	if err != nil || !enabled {
		t.Errorf("Save stays disabled after queueing (%v)", err)
	}
}

// savedOnce fails unless each summary is saved exactly once, in order.
func savedOnce(t *testing.T, app *testApp, summaries ...string) {
	t.Helper()
	last := int64(0)
	for _, s := range summaries {
		if n := app.scalar("SELECT count(*) FROM entries WHERE summary = ?", s); n != int64(1) {
			t.Errorf("entries %q: %v, want 1", s, n)
			continue
		}
		id := app.scalar("SELECT id FROM entries WHERE summary = ?", s).(int64)
		if id < last {
			t.Errorf("%q saved before the entry queued ahead of it", s)
		}
		last = id
		if n := app.scalar("SELECT count(*) FROM entry_practices p JOIN entries e ON e.id = p.entry_id WHERE e.summary = ?", s); n != int64(2) {
			t.Errorf("%q has %v practices, want 2", s, n)
		}
	}
}

// TestBrowserOutboxOffline: offline, two entries wait on the device with
// a neutral badge, one can be discarded, and back online the rest go once
// each, in order; on a phone and a laptop, light and dark.
func TestBrowserOutboxOffline(t *testing.T) {
	t.Parallel()
	for _, size := range phoneAndLaptop {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			app := newTestApp(t)
			captureUser(t, app, "offline@example.com", 1)
			ctx := newBrowser(t, size.width, size.height)
			if err := browserLogin(ctx, app.ts.URL, "/", "offline@example.com"); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.serviceWorker.ready.then(r => r.active.scriptURL)`, chromedp.EvalAwaitPromise)); err != nil {
				t.Fatalf("service worker: %v", err)
			}
			before := app.count("entries")
			setOffline(t, ctx, true)
			evalWait(t, ctx, "offline", `navigator.onLine ? "" : "offline"`)
			saveQueued(t, ctx, "First in a dead zone")
			wantBadge(t, ctx, "1 waiting to send")
			saveQueued(t, ctx, "Second in a dead zone")
			saveQueued(t, ctx, "Typed by mistake")
			wantBadge(t, ctx, "3 waiting to send")
			if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector(".notice.wait"), "::before").content.includes("✓") || document.querySelector("details.outbox").closest(".notice.ok") !== null || document.querySelector("details.outbox").textContent.includes("✓")`)); ok {
				t.Error("the waiting badge wears the success tick")
			}
			// The list names each entry; one is discarded.
			steps(t, ctx, chromedp.Click(chromedp.CSS("details.outbox summary")))
			if got := textOf(t, ctx, "details.outbox ul"); !strings.Contains(got, "First in a dead zone") || !strings.Contains(got, "Typed by mistake") {
				t.Errorf("outbox list %q", got)
			}
			eachScheme(t, ctx, func(scheme string) {
				saveViewport(t, ctx, "outbox-"+size.name+"-"+scheme)
				auditCurrent(t, ctx, "the outbox at "+size.name+" "+scheme)
			})
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.confirm = () => true, true`)); err != nil {
				t.Fatal(err)
			}
			steps(t, ctx, chromedp.Click(chromedp.CSS(`details.outbox button[aria-label="Discard Typed by mistake"]`)))
			wantBadge(t, ctx, "2 waiting to send")
			if n := app.count("entries"); n != before {
				t.Fatalf("entries went from %d to %d while offline", before, n)
			}
			// Back online: both go, once each, in order; nothing waits.
			setOffline(t, ctx, false)
			wantBadge(t, ctx, "none")
			savedOnce(t, app, "First in a dead zone", "Second in a dead zone")
			if n := app.scalar("SELECT count(*) FROM entries WHERE summary = 'Typed by mistake'"); n != int64(0) {
				t.Errorf("the discarded entry was saved %v times", n)
			}
			if n := waiting(t, ctx); n != 0 {
				t.Errorf("%d entries still waiting", n)
			}
			wantWorkerCachesNoPage(t, ctx)
		})
	}
}

// wantWorkerCachesNoPage: the worker's cache holds the static files and
// the offline page, and never a signed-in page.
func wantWorkerCachesNoPage(t *testing.T, ctx context.Context) {
	t.Helper()
	cached, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys())))).then(rs => rs.flat().map(r => new URL(r.url).pathname))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	offline := false
	for _, p := range cached {
		switch {
		case p == "/offline":
			offline = true
		case !strings.HasPrefix(p, "/static/"):
			t.Errorf("the service worker cached %s, which is not a static file", p)
		}
	}
	if !offline || len(cached) < 3 {
		t.Errorf("cache holds %v, want the static files and /offline", cached)
	}
}

// stop shuts the test server down and returns its address.
func (a *testApp) stop() string {
	addr := a.ts.Listener.Addr().String()
	a.ts.Close()
	return addr
}

// restart serves the same app again on addr.
func (a *testApp) restart(addr string) {
	a.t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		a.t.Fatalf("listen again on %s: %v", addr, err)
	}
	ts := httptest.NewUnstartedServer(a.srv)
	ts.Listener.Close()
	ts.Listener = l
	ts.Start()
	a.ts = ts
}

// TestBrowserOutboxServerDown: the phone says it is online but the server
// is gone; Save keeps the entry instead of the browser's error page, and
// it is sent once the server is back on the same address.
func TestBrowserOutboxServerDown(t *testing.T) {
	app, ctx, _ := capturePhone(t, "down@example.com", 1)
	addr := app.stop()
	saveQueued(t, ctx, "Saved while the server was down")
	wantBadge(t, ctx, "1 waiting to send")
	saveViewport(t, ctx, "outbox-server-down-390")
	if online, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.onLine`)); !online {
		t.Fatal("the test needs the browser to think it is online")
	}
	app.restart(addr)
	wantBadge(t, ctx, "none")
	savedOnce(t, app, "Saved while the server was down")
	if got := evalWait(t, ctx, "the sent notice", `(() => { const n = document.querySelector("[aria-live] .notice.ok"); return n && !n.hidden ? n.textContent : ""; })()`); !strings.Contains(got, "has been sent") {
		t.Errorf("after the send the page says %q", got)
	}
}

// TestBrowserOutboxTwoTabs: two tabs of one device queue an entry each;
// both badges count both, and back online each entry is saved once.
func TestBrowserOutboxTwoTabs(t *testing.T) {
	t.Parallel()
	app, one, _ := capturePhone(t, "tabs@example.com", 1)
	two, cancel := chromedp.NewContext(one)
	defer cancel()
	steps(t, two, chromedp.Navigate(app.ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#summary")))
	for _, tab := range []context.Context{one, two} {
		setOffline(t, tab, true)
		evalWait(t, tab, "offline", `navigator.onLine ? "" : "offline"`)
	}
	saveQueued(t, one, "From tab one")
	saveQueued(t, two, "From tab two")
	wantBadge(t, one, "2 waiting to send")
	wantBadge(t, two, "2 waiting to send")
	setOffline(t, one, false)
	setOffline(t, two, false)
	wantBadge(t, one, "none")
	wantBadge(t, two, "none")
	savedOnce(t, app, "From tab one", "From tab two")
}

// TestBrowserOutboxRefused: a waiting entry the server refuses comes back
// as the server's form, filled, with its message; corrected, it saves once.
func TestBrowserOutboxRefused(t *testing.T) {
	t.Parallel()
	app, ctx, _ := capturePhone(t, "refused@example.com", 1)
	setOffline(t, ctx, true)
	evalWait(t, ctx, "offline", `navigator.onLine ? "" : "offline"`)
	steps(t, ctx, chromedp.SetValue(chromedp.CSS("#occurred_on"), "2099-01-01"))
	saveQueued(t, ctx, "Dated in the future")
	setOffline(t, ctx, false)
	msg := evalWait(t, ctx, "the refused form", `(() => { const e = document.querySelector("#occurred_on-error"); return e ? e.textContent : ""; })()`)
	if !strings.Contains(msg, "future") {
		t.Errorf("refused entry says %q", msg)
	}
	if v := evalWait(t, ctx, "the refused form's summary", `document.querySelector("#summary").value`); v != "Dated in the future" {
		t.Errorf("refused form's summary %q", v)
	}
	if n := waiting(t, ctx); n != 0 {
		t.Errorf("%d still waiting after the refusal", n)
	}
	saveScreenshot(t, ctx, "outbox-refused-390")
	steps(t, ctx,
		chromedp.SetValue(chromedp.CSS("#occurred_on"), time.Now().Format("2006-01-02")),
		chromedp.Click(chromedp.CSS(".entry-form button.save")),
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
	)
	savedOnce(t, app, "Dated in the future")
}

// TestBrowserOutboxSignOut: signing out with an entry waiting asks; Send
// fails while the server can't be reached and keeps it; sent, the user is
// signed out; Discard drops what waits.
func TestBrowserOutboxSignOut(t *testing.T) {
	t.Parallel()
	app, ctx, _ := capturePhone(t, "signout@example.com", 1)
	block := func(on bool) {
		t.Helper()
		var p []*network.BlockPattern
		if on {
			p = []*network.BlockPattern{{URLPattern: app.ts.URL + "/entries", Block: true}}
		}
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: p}); err != nil {
			t.Fatal(err)
		}
	}
	signOut := `document.querySelector(".nav form button[type=submit]").click(), true`
	dialogSays := `(() => { const d = document.querySelector("dialog[open]"); return d ? d.textContent : ""; })()`
	sessions := app.count("sessions")
	block(true)
	saveQueued(t, ctx, "Waiting at sign-out")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](signOut)); err != nil {
		t.Fatal(err)
	}
	if got := evalWait(t, ctx, "the sign-out question", dialogSays); !strings.Contains(got, "1 entry is still waiting") {
		t.Errorf("sign-out asks %q", got)
	}
	saveViewport(t, ctx, "outbox-signout-390")
	auditCurrent(t, ctx, "the sign-out question")
	steps(t, ctx, chromedp.Click(chromedp.CSS("dialog[open] button:first-of-type")))
	if got := evalWait(t, ctx, "the send to fail", `(() => { const a = document.querySelector("dialog[open] [role=alert]"); return a && a.textContent !== "Sending…" ? a.textContent : ""; })()`); !strings.Contains(got, "can't be reached") {
		t.Errorf("a failed send says %q", got)
	}
	if n := waiting(t, ctx); n != 1 || app.count("sessions") != sessions {
		t.Fatalf("after a failed send: %d waiting, %d sessions; want 1 and %d (still signed in)", n, app.count("sessions"), sessions)
	}
	block(false)
	steps(t, ctx,
		chromedp.Click(chromedp.CSS("dialog[open] button:first-of-type")),
		chromedp.WaitVisible(chromedp.CSS("form[action$='/login']")),
	)
	savedOnce(t, app, "Waiting at sign-out")
	if n := app.count("sessions"); n != sessions-1 {
		t.Errorf("sessions after Send, then sign out: %d, want %d", n, sessions-1)
	}
	// Discard: nothing is saved, nothing is left on the device.
	if err := browserLogin(ctx, app.ts.URL, "/", "signout@example.com"); err != nil {
		t.Fatal(err)
	}
	block(true)
	saveQueued(t, ctx, "Discarded at sign-out")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](signOut)); err != nil {
		t.Fatal(err)
	}
	evalWait(t, ctx, "the sign-out question", dialogSays)
	steps(t, ctx,
		chromedp.Click(chromedp.CSS("dialog[open] button.danger")),
		chromedp.WaitVisible(chromedp.CSS("form[action$='/login']")),
	)
	block(false)
	if n := app.scalar("SELECT count(*) FROM entries WHERE summary = 'Discarded at sign-out'"); n != int64(0) {
		t.Errorf("discarded entry saved %v times", n)
	}
	if n := waiting(t, ctx); n != 0 {
		t.Errorf("%d left on the device after Discard", n)
	}
}

// TestBrowserOutboxExpiredSessionOtherUser: the session ends while an
// entry waits; sending it leads to sign-in; another user who signs in on
// the device neither sees nor sends it; its owner's sign-in sends it.
func TestBrowserOutboxExpiredSessionOtherUser(t *testing.T) {
	t.Parallel()
	app, ctx, _ := capturePhone(t, "owner@example.com", 1)
	captureUser(t, app, "other@example.com", 1)
	setOffline(t, ctx, true)
	evalWait(t, ctx, "offline", `navigator.onLine ? "" : "offline"`)
	saveQueued(t, ctx, "Owner's private note")
	if _, err := app.db.DeleteExpiredSessions(context.Background(), time.Now().Add(1000*time.Hour), time.Now().Add(1000*time.Hour)); err != nil {
		t.Fatal(err)
	}
	setOffline(t, ctx, false)
	evalWait(t, ctx, "the sign-in page", `document.querySelector("form[action$='/login'] #password") ? "yes" : ""`)
	steps(t, ctx, fillLogin("other@example.com"), chromedp.WaitVisible(chromedp.CSS("nav[aria-label=Main]")))
	// The other user's pages load, try their own (empty) outbox, and show nothing.
	steps(t, ctx, chromedp.Navigate(app.ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#summary")))
	if got := textOf(t, ctx, "body"); strings.Contains(got, "Owner's private note") || strings.Contains(got, "waiting to send") {
		t.Errorf("another user's page shows the owner's waiting entry: %q", got)
	}
	if n := app.scalar("SELECT count(*) FROM entries WHERE summary = 'Owner''s private note'"); n != int64(0) {
		t.Fatalf("the entry was saved %v times while another user was signed in", n)
	}
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".nav form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("form[action$='/login']")),
	)
	if err := browserLogin(ctx, app.ts.URL, "/", "owner@example.com"); err != nil {
		t.Fatal(err)
	}
	wantBadge(t, ctx, "none")
	savedOnce(t, app, "Owner's private note")
	owner := app.user("owner@example.com").ID
	if got := app.scalar("SELECT user_id FROM entries WHERE summary = 'Owner''s private note'"); got != owner {
		t.Errorf("saved for user %v, want the owner %d", got, owner)
	}
}

// TestBrowserOutboxNoStorage: with no room on the device for the outbox,
// Save is the ordinary post, and the entry is saved once.
func TestBrowserOutboxNoStorage(t *testing.T) {
	t.Parallel()
	app, ctx, _ := capturePhone(t, "full@example.com", 1)
	steps(t, ctx, fillCapture("Saved with storage full"))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); }, true`)); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx,
		chromedp.Click(chromedp.CSS(".entry-form button.save")),
		chromedp.WaitVisible(chromedp.CSS("#followups-heading")),
	)
	savedOnce(t, app, "Saved with storage full")
}
