package server

import (
	"testing"
)

// TestBrowserEntryBlocksFitAPhone: in German, Spanish and French, the
// entry form with its problem, bet and forecast unfolded, an entry's
// problem, bet and forecast with the forms that close them, and the week,
// home and prep pages' lines about them fit a 390 px phone with no
// sideways scroll.
func TestBrowserEntryBlocksFitAPhone(t *testing.T) {
	t.Parallel()
	f := newForecastsFixture(t)
	problem := f.ann.createdID("/entries", blockForm(f.dana, "2026-11-24", "problem", "Releases stall in QA every sprint",
		"option", "Automate the regression suite", "option", "Hire a QA lead", "recommendation", "Automate first"), "/entries/")
	bet := f.ann.createdID("/entries", blockForm(f.dana, "2026-11-24", "bet", "Shipping on Fridays is safe now",
		"downside", "A weekend incident", "mitigation", "Feature flags", "review_on", "2026-11-26"), "/entries/")
	ctx := newBrowser(t, 390, 844)
	base := f.app.ts.URL
	if err := browserLogin(ctx, base, "/", "ann@example.com"); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/entries/new", "/entries/" + problem, "/entries/" + bet, "/entries/" + f.ids["F2"],
		"/weeks/2026-W48", "/", "/bosses/" + f.dana + "/prep"}
	for _, tag := range []string{"de", "es", "fr"} {
		speak(t, f.app, "ann@example.com", tag)
		checkNoOverflow(t, ctx, base, pages, "light")
		wantLang(t, ctx, tag)
	}
}
