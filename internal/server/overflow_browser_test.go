package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// longWord has no place to break.
const longWord = "Antidisestablishmentarianismsupercalifragilisticexpialidociouspneumonoultramicroscopic"

// addLongContent gives Ann six bosses, long names, and an entry, a note, a
// priority and a follow-up made of unbroken words.
func addLongContent(t *testing.T, f *weekFixture) (entry, fu string) {
	t.Helper()
	boss := ""
	for _, name := range []string{
		"Maximiliana Wolkenkratzer-Oberhausen von und zu Langenname", longWord, "Gil", "Hana", "Ines", "Jo",
	} {
		id := f.ann.createdID("/bosses", url.Values{"name": {name}, "relation": {"executive"}, "role": {longWord}}, "/bosses/")
		if boss == "" {
			boss = id
		}
	}
	f.ann.createdID("/bosses/"+boss+"/priorities", url.Values{"text": {"Priority " + longWord}}, "/bosses/")
	form := entryForm("boss_id", boss, "occurred_on", "2026-11-26", "summary", "Summary "+longWord, "notes", "Notes "+longWord+"\n\n    code "+longWord+longWord+"\n\nhttps://example.com/"+longWord)
	form["practice"] = []string{"results", "responsibility", "priorities", "team", "risk", "solutions"}
	entry = f.ann.createdID("/entries", form, "/entries/")
	wantStatusT(t, f.ann.post("/entries/"+entry+"/followups", url.Values{"text": {"Follow-up " + longWord}, "owner": {"boss"}, "due_on": {"2026-11-20"}}), http.StatusSeeOther)
	fu = fmtAny(f.app.scalar("SELECT id FROM followups WHERE text LIKE 'Follow-up %'"))
	return entry, fu
}

// TestBrowserNoPageScrollsSideways loads every page at a phone's and a
// laptop's width, light and dark, with long content: the page never gets
// wider than the window, and no pill's text runs past its border.
func TestBrowserNoPageScrollsSideways(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	entry, fu := addLongContent(t, f)
	pages := []string{
		"/", "/entries", "/entries?q=" + longWord[:12], "/entries/new", "/entries/" + entry, "/entries/" + entry + "/edit",
		"/bosses", "/bosses/" + f.dana, "/bosses/" + f.dana + "/prep", "/followups", "/followups/" + fu + "/edit",
		"/weeks/2026-W48", "/settings",
	}
	for _, size := range []screen{{"390", 390, 844}, {"1280", 1280, 900}} {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t, size.width, size.height)
			base := f.app.ts.URL
			checkNoOverflow(t, ctx, base, []string{"/login", "/signup"}, "light")
			if err := browserLogin(ctx, base, "/", "ann@example.com"); err != nil {
				t.Fatal(err)
			}
			checkNoOverflow(t, ctx, base, pages, "light")
			useDarkScheme(t, ctx)
			checkNoOverflow(t, ctx, base, pages, "dark")
		})
	}
}

func checkNoOverflow(t *testing.T, ctx context.Context, base string, pages []string, scheme string) {
	t.Helper()
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		// Open every fold, so what it hides is measured too.
		res, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			document.querySelectorAll("details").forEach(d => d.open = true);
			const out = [];
			const de = document.documentElement;
			if (de.scrollWidth > de.clientWidth) out.push("page is " + de.scrollWidth + " px wide in " + de.clientWidth);
			document.querySelectorAll(".chip, .toggle").forEach(c => {
				if (c.scrollWidth > c.clientWidth + 1) out.push("pill '" + c.textContent.trim().slice(0, 30) + "' overflows: " + c.scrollWidth + " > " + c.clientWidth);
			});
			// A rounded pill holds one line: wrapped text would run over its ends.
			document.querySelectorAll(".chip").forEach(c => {
				const line = parseFloat(getComputedStyle(c).lineHeight) || 20;
				if (c.clientHeight > 1.8 * line) out.push("pill '" + c.textContent.trim().slice(0, 30) + "' wraps to " + c.clientHeight + " px");
			});
			// The trend table fits, or scrolls inside its own labelled, focusable region with the week column kept.
			document.querySelectorAll(".trend-table").forEach(tb => {
				const region = tb.closest("[role=region]");
				if (tb.scrollWidth > tb.parentElement.clientWidth && (!region || region.tabIndex !== 0 || !region.getAttribute("aria-labelledby"))) out.push("trend table is clipped with no scroll region");
				const wk = tb.querySelector("tbody th");
				if (wk && getComputedStyle(wk).position !== "sticky") out.push("the week column is not kept in view");
			});
			return out;
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(res) > 0 {
			t.Errorf("%s (%s): %s", p, scheme, strings.Join(res, "; "))
		}
	}
}
