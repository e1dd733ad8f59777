package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/leadup/leadup/internal/i18n"
)

// TestBrowserOutboxInGerman: what app.js writes into the page comes from
// the catalog in the reader's language. A German user's entries queued
// offline wait under a German badge with German buttons, the queued
// notice is German, and signing out with them waiting asks in German.
func TestBrowserOutboxInGerman(t *testing.T) {
	t.Parallel()
	de := i18n.MustLoad("en").Localizer("de")
	app := newTestApp(t)
	c, _ := captureUser(t, app, "deutsch@example.com", 0)
	c.switchLanguage("Dana", "de")
	ctx := newBrowser(t, 390, phoneHeight)
	steps(t, ctx,
		chromedp.Navigate(app.ts.URL+"/login"),
		fillLogin("deutsch@example.com"),
		chromedp.WaitVisible(chromedp.CSS("ul.nav")),
	)
	if got := textOf(t, ctx, "ul.nav"); !strings.Contains(got, de.T("nav.settings")) {
		t.Fatalf("the menu is not German: %q", got)
	}
	setOffline(t, ctx, true)
	evalWait(t, ctx, "offline", `navigator.onLine ? "" : "offline"`)
	queue := func(summary string) string {
		t.Helper()
		steps(t, ctx, fillCapture(summary), chromedp.Click(chromedp.CSS(".entry-form button.save")))
		return evalWait(t, ctx, "the queued notice", `(() => { const n = document.querySelector(".notice.wait"); return n && !n.hidden && document.querySelector("#summary").value === "" ? n.textContent : ""; })()`)
	}
	if got, want := queue("Erstes im Funkloch"), de.T("app.not_sent"); got != want {
		t.Errorf("queued Save says %q, want %q", got, want)
	}
	wantBadge(t, ctx, de.N("app.waiting", 1))
	queue("Zweites im Funkloch")
	wantBadge(t, ctx, de.N("app.waiting", 2))
	steps(t, ctx, chromedp.Click(chromedp.CSS("details.outbox summary")))
	list := textOf(t, ctx, "details.outbox")
	for _, want := range []string{de.T("app.outbox_note"), de.T("app.send_now"), de.T("app.discard"), "Erstes im Funkloch"} {
		if !strings.Contains(list, want) {
			t.Errorf("the outbox says %q, without %q", list, want)
		}
	}
	for _, english := range []string{"waiting to send", "Send now", "Discard", "Kept on this device"} {
		if strings.Contains(list, english) {
			t.Errorf("the outbox says %q, with the English %q", list, english)
		}
	}
	label, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("details.outbox li button").getAttribute("aria-label")`))
	if want := de.T("app.discard_named", map[string]any{"Summary": "Erstes im Funkloch"}); err != nil || label != want {
		t.Errorf("the discard button is labelled %q (%v), want %q", label, err, want)
	}
	// Signing out with both waiting asks in German.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".nav form button[type=submit]").click(), true`)); err != nil {
		t.Fatal(err)
	}
	dialog := evalWait(t, ctx, "the sign-out question", `(() => { const d = document.querySelector("dialog[open]"); return d ? d.textContent : ""; })()`)
	for _, want := range []string{de.N("app.signout_question", 2), de.T("app.send_sign_out"), de.T("app.discard_sign_out"), de.T("app.stay")} {
		if !strings.Contains(dialog, want) {
			t.Errorf("the sign-out question says %q, without %q", dialog, want)
		}
	}
}
