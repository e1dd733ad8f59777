package server

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// seedForecasts logs a closed forecast and an open one, with text that
// Markdown and spreadsheets would misread, and a plain entry.
func seedForecasts(t *testing.T, ann *client, dana string) {
	t.Helper()
	f1 := ann.createdID("/entries", forecastForm(dana, "2026-11-20", "summary", "Warned about the vendor", "forecast", "Vendor *slips* the release",
		"expected_by", "2026-11-26", "likelihood", "high", "impact", "=Launch [moves]", "prepared", "A second quote <ready>", "noticed_on", "2026-11-16"), "/entries/")
	wantStatusT(t, ann.post("/entries/"+f1+"/forecast", url.Values{"result": {"averted"}, "resolved_on": {"2026-11-25"}}), http.StatusSeeOther)
	ann.createdID("/entries", forecastForm(dana, "2026-11-24", "summary", "Warned about the budget", "forecast", "Budget freeze in Q1",
		"expected_by", "2027-01-10", "likelihood", "low", "impact", "", "prepared", "A lean plan"), "/entries/")
	ann.createdID("/entries", blockForm(dana, "2026-11-26", "summary", "Plain entry"), "/entries/")
}

func TestExportImportRoundTripsForecasts(t *testing.T) {
	app, ann, dana := fixedApp(t)
	seedForecasts(t, ann, dana)
	first, f := exported(t, ann)
	slices.Reverse(f.Entries) // the export lists newest first; this reads oldest first
	if len(f.Entries) != 3 || f.Entries[0].Forecast == nil || f.Entries[1].Forecast == nil || f.Entries[2].Forecast != nil {
		t.Fatalf("entries in the export: %+v", f.Entries)
	}
	if fc := f.Entries[0].Forecast; fc.Forecast != "Vendor *slips* the release" || fc.ExpectedBy != "2026-11-26" || fc.Likelihood != "high" ||
		fc.Impact != "=Launch [moves]" || fc.NoticedOn != "2026-11-16" || *fc.Result != "averted" || *fc.ResolvedOn != "2026-11-25" {
		t.Errorf("closed forecast in the export: %+v", fc)
	}
	if fc := f.Entries[1].Forecast; fc.Result != nil || fc.ResolvedOn != nil || fc.NoticedOn != "2026-11-24" {
		t.Errorf("open forecast in the export: %+v", fc)
	}
	if strings.Contains(first, `"forecast":null`) {
		t.Error("an entry without a forecast exports it as null; it should be absent")
	}

	// Into a fresh account, exactly, and searchable there.
	bob := importInto(t, app, "bob@example.com", first)
	if got := app.rowsOf("forecasts", "bob@example.com"); got != 2 {
		t.Errorf("bob has %v forecasts, want 2", got)
	}
	wantBody(t, bob.get("/entries?q=freeze"), "1 entry")

	// The same file again changes nothing; an older file without the
	// forecast leaves it alone.
	forecasts := "SELECT group_concat(entry_id || forecast || coalesce(result, '-') || noticed_on) FROM forecasts"
	before := app.snapshot(forecasts)
	wantStatus(t, bob.upload([]byte(first)), http.StatusSeeOther)
	wantBody(t, bob.get("/settings"), "entries: 0 added, 0 updated, 3 unchanged")
	wantStatus(t, bob.upload(withoutEntryKeys(t, first, "forecast")), http.StatusSeeOther)
	if after := app.snapshot(forecasts); after != before {
		t.Errorf("re-imports changed data:\n%s\n%s", before, after)
	}

	// A bad forecast is refused with where it is, and nothing is written.
	carol := app.signedUp("carol@example.com")
	for _, c := range []struct{ from, to, where string }{
		{`"noticed_on":"2026-11-24"`, `"noticed_on":"2026-11-25"`, "entries[1].forecast.noticed_on:"},
		{`"expected_by":"2027-01-10"`, `"expected_by":"2026-11-01"`, "entries[1].forecast.expected_by:"},
		{`"result":"averted"`, `"result":null`, "entries[2].forecast.result:"},
		{`"resolved_on":"2026-11-25"`, `"resolved_on":"2026-11-19"`, "entries[2].forecast.resolved_on:"},
	} {
		bad := strings.Replace(first, c.from, c.to, 1)
		if bad == first {
			t.Fatalf("%s is not in the export", c.from)
		}
		wantImportRefused(t, app, carol, []byte(bad), c.where)
	}
}

func TestCSVAndMarkdownExportsShowForecasts(t *testing.T) {
	_, ann, dana := fixedApp(t)
	seedForecasts(t, ann, dana)
	head, rows := csvExport(t, ann)
	if head[len(head)-1] != "forecast" {
		t.Fatalf("the last column is %q, want forecast", head[len(head)-1])
	}
	got := csvRow(rows, "Warned about the vendor")
	want := "Forecast: Vendor *slips* the release\nLikelihood: High\nExpected by: 2026-11-26\nImpact: =Launch [moves]\nPrepared: A second quote <ready>\nNoticed on: 2026-11-16\nResult: Averted (2026-11-25)"
	if got == nil || got["forecast"] != want {
		t.Errorf("CSV row %q", got)
	}

	md := ann.get("/export.md")
	wantBody(t, md, "Forecast: Vendor \\*slips\\* the release\n\nLikelihood: High, expected by 2026-11-26, noticed on 2026-11-16\n\nImpact: =Launch \\[moves\\]\n\nPrepared: A second quote \\<ready\\>\n\nResult: Averted (2026-11-25)\n",
		"Forecast: Budget freeze in Q1\n\nLikelihood: Low, expected by 2027-01-10, noticed on 2026-11-24\n\nPrepared: A lean plan\n")
}
