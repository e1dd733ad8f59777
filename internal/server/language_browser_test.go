package server

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/leadup/leadup/internal/i18n"
)

// TestBrowserLanguagesFitAPhone: German's long words (the practices'
// names, the menu) on a 390 px phone: no page scrolls sideways, and no
// practice pill wraps or runs past its border; the pages that show the
// practices hold Spanish and French too.
func TestBrowserLanguagesFitAPhone(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	entry, fu := addLongContent(t, f)
	ctx := newBrowser(t, 390, 844)
	base := f.app.ts.URL
	checkNoOverflow(t, ctx, base, []string{"/login?lang=de", "/signup"}, "light")
	if err := browserLogin(ctx, base, "/", "ann@example.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.db.Writer().Exec("UPDATE users SET language = 'de' WHERE email = 'ann@example.com'"); err != nil {
		t.Fatal(err)
	}
	pages := []string{
		"/", "/entries", "/entries/" + entry, "/bosses", "/bosses/" + f.dana, "/bosses/" + f.dana + "/prep",
		"/followups", "/followups/" + fu + "/edit", "/weeks/2026-W48", "/review", "/settings",
	}
	for _, tag := range []string{"de", "es", "fr"} {
		if _, err := f.app.db.Writer().Exec("UPDATE users SET language = ? WHERE email = 'ann@example.com'", tag); err != nil {
			t.Fatal(err)
		}
		checkNoOverflow(t, ctx, base, pages, "light")
		wantLang(t, ctx, tag)
		checkMenuFits(t, ctx, base)
	}
}

// checkMenuFits fails when a label of the main menu runs past its cell on
// the page where it is the current one (and bold).
func checkMenuFits(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	for _, href := range []string{"/", "/weeks", "/entries", "/bosses", "/followups", "/review", "/settings"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+href), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("%s: %v", href, err)
		}
		over, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".nav a, .nav button")].
			filter(a => a.scrollWidth > a.clientWidth).map(a => a.textContent.trim() + " " + a.scrollWidth + " > " + a.clientWidth)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(over) > 0 {
			t.Errorf("%s: menu labels overflow their cells: %s", href, strings.Join(over, "; "))
		}
	}
}

// wantLang fails unless the page in ctx is in the language tag.
func wantLang(t *testing.T, ctx context.Context, tag string) {
	t.Helper()
	lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil || lang != tag {
		t.Errorf("the last page's lang is %q (%v), want %s", lang, err, tag)
	}
}

// TestAccessibilityGerman audits the pages this round translates with
// axe-core, in German: the sign-in and sign-up pages with their language
// switch (each link's lang), and a German user's pages.
func TestAccessibilityGerman(t *testing.T) {
	t.Parallel()
	auditInLanguage(t, newWeekFixture(t), "de")
}

// TestAccessibilityMarker audits the same pages in the marker language
// (i18n.Marker), whose every message is wrapped in ⟦…⟧: the longer words
// and the private-use language tag must not break what axe checks. It
// shares the test binary's one Chromium with the other browser tests.
func TestAccessibilityMarker(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	// Before any page is asked for: the server reads its catalog per request.
	f.app.srv.Cfg.Languages = i18n.MustLoadWithMarker("en")
	auditInLanguage(t, f, i18n.Marker)
}

// auditInLanguage audits, with axe-core, the sign-in and sign-up pages in
// the language tag (chosen with the language switch), then the
// fixture's user's pages with tag as her language.
func auditInLanguage(t *testing.T, f *weekFixture, tag string) {
	t.Helper()
	ctx := startBrowser(t, 390, 844)
	base := f.app.ts.URL
	auditPages(t, ctx, base, []string{"/login?lang=" + tag, "/signup"})
	wantLang(t, ctx, tag)
	signInCtx, cancelSignIn := withPageDeadline(ctx)
	defer cancelSignIn()
	signInAsAnn(t, signInCtx, base)
	if _, err := f.app.db.Writer().Exec("UPDATE users SET language = ? WHERE email = 'ann@example.com'", tag); err != nil {
		t.Fatal(err)
	}
	auditPages(t, ctx, base, []string{"/", "/entries", "/bosses/" + f.dana, "/weeks/2026-W48", "/review", "/settings"})
	wantLang(t, ctx, tag)
}
