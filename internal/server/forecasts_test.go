package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// forecastForm is a valid entry with a forecast on date, plus the given
// fields (which replace the defaults).
func forecastForm(boss, date string, pairs ...string) url.Values {
	v := blockForm(boss, date, "forecast", "The vendor slips the release", "expected_by", "2026-12-10", "likelihood", "high",
		"impact", "Launch moves a sprint", "prepared", "A quote from a second vendor", "noticed_on", "")
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

func TestForecastBlockValidation(t *testing.T) {
	app, ann, dana := fixedApp(t)
	tests := []badEntry{
		{"no forecast", forecastForm(dana, "2026-11-26", "forecast", ""), "forecast", "Say what may go wrong"},
		{"long forecast", forecastForm(dana, "2026-11-26", "forecast", strings.Repeat("f", 301)), "forecast", "300 characters"},
		{"no expected date", forecastForm(dana, "2026-11-26", "expected_by", ""), "expected_by", "the day it would land"},
		{"expected before the entry", forecastForm(dana, "2026-11-26", "expected_by", "2026-11-25"), "expected_by", "on or after the day of the entry"},
		{"expected not a date", forecastForm(dana, "2026-11-26", "expected_by", "soon"), "expected_by", "YYYY-MM-DD"},
		{"unknown likelihood", forecastForm(dana, "2026-11-26", "likelihood", "certain"), "likelihood", "low, medium or high"},
		{"long impact", forecastForm(dana, "2026-11-26", "impact", strings.Repeat("i", 301)), "impact", "300 characters"},
		{"nothing prepared", forecastForm(dana, "2026-11-26", "prepared", ""), "prepared", "what you have prepared"},
		{"long prepared", forecastForm(dana, "2026-11-26", "prepared", strings.Repeat("p", 501)), "prepared", "500 characters"},
		{"noticed after the entry", forecastForm(dana, "2026-11-26", "noticed_on", "2026-11-27"), "noticed_on", "on or before the day of the entry"},
		{"noticed not a date", forecastForm(dana, "2026-11-26", "noticed_on", "last week"), "noticed_on", "YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := wantEntryRefused(t, app, ann, tt.form, tt.field, tt.msg, "entries", "forecasts", "entry_practices")
			wantTypedText(t, r, tt.form, "forecast", "impact", "prepared")
			wantTypedDates(t, r, tt.form, "expected_by", "noticed_on")
			if l := tt.form.Get("likelihood"); l == "high" {
				wantBody(t, r, `<option value="high" selected>`)
			}
			// The folded block opens by itself so the error is seen.
			wantBody(t, r, `<details class="more" open>`, `<details class="entry-block forecast-block" open><summary>Forecast a problem</summary>`)
		})
	}
}

func TestForecastGivesTheSolutionsPractice(t *testing.T) {
	app, ann, dana := fixedApp(t)
	// Ticked results only: solutions is added.
	id := ann.createdID("/entries", forecastForm(dana, "2026-11-20"), "/entries/")
	if got := app.scalar("SELECT group_concat(practice) FROM (SELECT practice FROM entry_practices WHERE entry_id = " + id + " ORDER BY practice)"); got != "results,solutions" {
		t.Errorf("practices %v, want results,solutions", got)
	}
	// noticed_on left empty is the entry's date.
	if got := app.scalar("SELECT noticed_on FROM forecasts WHERE entry_id = " + id); got != "2026-11-20" {
		t.Errorf("noticed_on = %v, want the entry's date", got)
	}
	// Nothing ticked at all: the forecast alone makes the entry valid.
	none := forecastForm(dana, "2026-11-21", "forecast", "Budget freeze in Q1")
	none.Del("practice")
	id2 := ann.createdID("/entries", none, "/entries/")
	if got := app.scalar("SELECT group_concat(practice) FROM entry_practices WHERE entry_id = " + id2); got != "solutions" {
		t.Errorf("practices %v, want solutions", got)
	}
	// The form's empty block (the select always sends a value) adds nothing.
	plain := blockForm(dana, "2026-11-22", "forecast", "", "expected_by", "", "likelihood", "low", "impact", "", "prepared", "", "noticed_on", "")
	id3 := ann.createdID("/entries", plain, "/entries/")
	if got := app.scalar("SELECT group_concat(practice) FROM entry_practices WHERE entry_id = " + id3); got != "results" {
		t.Errorf("an empty block tagged %v, want results only", got)
	}
	if n := app.count("forecasts"); n != 2 {
		t.Errorf("%d forecasts, want 2", n)
	}
	// Editing shows what is stored; clearing the block removes it.
	wantBody(t, ann.get("/entries/"+id+"/edit"), ">The vendor slips the release</textarea>", `name="noticed_on" type="date" value="2026-11-20"`)
	cleared := forecastForm(dana, "2026-11-20", "forecast", "", "expected_by", "", "impact", "", "prepared", "")
	wantStatus(t, ann.post("/entries/"+id, cleared), http.StatusSeeOther)
	if got := app.scalar("SELECT count(*) FROM forecasts WHERE entry_id = " + id); got != int64(0) {
		t.Errorf("a cleared block left %v forecasts", got)
	}
}

func TestForecastResolution(t *testing.T) {
	app, ann, dana := fixedApp(t)
	id := ann.createdID("/entries", forecastForm(dana, "2026-11-20", "expected_by", "2026-11-26"), "/entries/")
	// Past its expected day it waits below the capture form on home.
	home := ann.get("/")
	wantBody(t, home, "Forecasts to close", "The vendor slips the release")
	if strings.Index(home.body, "Forecasts to close") < strings.Index(home.body, `class="card entry-form"`) {
		t.Error("Forecasts to close comes before the capture form")
	}
	wantBody(t, ann.get("/entries/"+id), "Forecast raised", "Launch moves a sprint", "A quote from a second vendor", "due to close", `action="/entries/`+id+`/forecast"`)

	result := closing{action: "forecast", dateField: "resolved_on",
		state: "SELECT coalesce(result, '-') || coalesce(resolved_on, '-') FROM forecasts WHERE entry_id = " + id, open: "--"}
	result.wantRefused(t, app, ann, id, []refusal{
		{url.Values{"result": {"happened"}, "resolved_on": {"2026-11-19"}}, "resolved_on"},
		{url.Values{"result": {"happened"}, "resolved_on": {"2026-11-28"}}, "resolved_on"},
		{url.Values{"result": {"happened"}, "resolved_on": {"soon"}}, "resolved_on"},
		{url.Values{"result": {"maybe"}, "resolved_on": {"2026-11-25"}}, "result"},
	})
	// On the entry's own day is fine.
	wantStatus(t, ann.post("/entries/"+id+"/forecast", url.Values{"result": {"averted"}, "resolved_on": {"2026-11-20"}}), http.StatusSeeOther)
	wantBody(t, ann.get("/entries/"+id), "Averted")
	if got := app.scalar("SELECT result || ' ' || resolved_on FROM forecasts WHERE entry_id = " + id); got != "averted 2026-11-20" {
		t.Errorf("stored %v", got)
	}
	if strings.Contains(ann.get("/").body, "Forecasts to close") {
		t.Error("a closed forecast is still to close on home")
	}

	result.wantOnlyOwnerCloses(t, app, ann, dana, id, url.Values{"result": {"happened"}, "resolved_on": {"2026-11-27"}})
	if got := app.scalar("SELECT result FROM forecasts WHERE entry_id = " + id); got != "averted" {
		t.Errorf("bob changed ann's result: %v", got)
	}

	// Deleting the entry deletes its forecast.
	wantStatus(t, ann.post("/entries/"+id+"/delete", url.Values{"confirm": {"yes"}}), http.StatusSeeOther)
	if n := app.count("forecasts"); n != 0 {
		t.Errorf("%d forecasts after the entry was deleted", n)
	}
}

// newForecastsFixture logs forecasts around week 2026-W48 (Mon 23 – Sun 29
// Nov 2026) with "now" Friday 27 Nov. The numbers are worked out by hand
// in TestWeekForecasts.
func newForecastsFixture(t *testing.T) *blocksFixture {
	f := newBlocksBase(t)
	ann, dana := f.ann, f.dana
	forecast := func(label, boss, noticed, raised, expected, result, resolved string) {
		id := ann.createdID("/entries", forecastForm(boss, raised, "summary", "Entry "+label, "forecast", "Forecast "+label,
			"likelihood", "medium", "impact", "", "prepared", "Plan "+label, "noticed_on", noticed, "expected_by", expected), "/entries/")
		if result != "" {
			wantStatusT(t, ann.post("/entries/"+id+"/forecast", url.Values{"result": {result}, "resolved_on": {resolved}}), http.StatusSeeOther)
		}
		f.ids[label] = id
	}
	forecast("F1", dana, "2026-11-20", "2026-11-23", "2026-11-26", "happened", "2026-11-25")
	forecast("F2", dana, "2026-11-22", "2026-11-24", "2026-12-10", "", "")
	forecast("F3", f.eve, "2026-11-02", "2026-11-26", "2026-11-27", "", "")
	forecast("F4", dana, "2026-11-09", "2026-11-10", "2026-11-20", "", "")
	forecast("F5", dana, "2026-11-01", "2026-11-02", "2026-11-12", "averted", "2026-11-24")
	forecast("F6", dana, "2026-11-03", "2026-11-03", "2026-11-20", "did_not_happen", "2026-11-20")
	forecast("F7", dana, "2026-11-25", "2026-11-25", "2026-11-25", "did_not_happen", "2026-11-26")

	f.addBob(func(zed string) url.Values {
		return forecastForm(zed, "2026-11-24", "forecast", "Bob's forecast", "expected_by", "2026-11-24", "noticed_on", "2026-10-01")
	})
	return f
}

func TestWeekForecasts(t *testing.T) {
	f := newForecastsFixture(t)
	var got struct {
		Forecasts map[string]*float64 `json:"forecasts"`
		Practices map[string]int      `json:"practices"`
	}
	getJSON(t, f.ann, "/weeks/2026-W48.json", &got)
	want := map[string]float64{
		// Raised in the week: F1 (23rd), F2 (24th), F7 (25th), F3 (26th).
		"raised": 4,
		// Open with the expected day by today (27th): F3 (27th), F4 (20th).
		// F2 is expected on 10 Dec; Bob's never counts.
		"due": 2,
		// Closed in the week: F5 averted (24th), F1 happened (25th), F7 did
		// not happen (26th); F6 was closed on 20 Nov.
		"resolved": 3, "happened": 1, "averted": 1, "did_not_happen": 1,
		// Warning given, over F1 F2 F3 F7: F1 happened 23 → 25 Nov = 2;
		// F2 open, 24 Nov → 10 Dec = 16; F3 open, 26 → 27 Nov = 1; F7 did not
		// happen, 25 → 25 Nov = 0. Sorted 0 1 2 16: (1 + 2) / 2 = 1.5.
		"warning_days_median": 1.5,
		// Time to raise: F1 20 → 23 = 3; F2 22 → 24 = 2; F3 2 → 26 = 24;
		// F7 0. Sorted 0 2 3 24: (2 + 3) / 2 = 2.5.
		"raise_days_median": 2.5,
	}
	if len(got.Forecasts) != len(want) {
		t.Errorf("forecasts has keys %v, want %v", got.Forecasts, want)
	}
	for k, n := range want {
		if g := got.Forecasts[k]; g == nil || *g != n {
			t.Errorf("forecasts.%s = %v, want %v", k, g, n)
		}
	}
	if got.Practices["solutions"] != 4 {
		t.Errorf("solutions = %d, want 4 (every forecast raised in the week)", got.Practices["solutions"])
	}
	page := f.ann.get("/weeks/2026-W48")
	wantBody(t, page, "No surprises", "4 raised · 2 due · 3 closed (1 happened, 1 averted, 1 did not happen)",
		"Warning given: a median of 1.5 days between raising a forecast and the day it landed (4 forecasts).",
		"Time to raise: a median of 2.5 days between noticing a problem and raising it (4 forecasts).",
		"Forecasts to close", "Forecast F3", "Forecast F4")
	if strings.Contains(page.body, "Forecast F2") || strings.Contains(page.body, "Bob") {
		t.Error("the week page lists a forecast not yet due, or Bob's")
	}

	// A week with no forecast raised: null medians, and the page says so.
	empty := f.ann.get("/weeks/2026-W40.json")
	var none struct {
		Forecasts map[string]*float64 `json:"forecasts"`
	}
	if err := json.Unmarshal([]byte(empty.body), &none); err != nil {
		t.Fatal(err)
	}
	if none.Forecasts["warning_days_median"] != nil || none.Forecasts["raise_days_median"] != nil || *none.Forecasts["raised"] != 0 {
		t.Errorf("an empty week: %v", none.Forecasts)
	}
	wantBody(t, f.ann.get("/weeks/2026-W40"), "Warning given: no forecast raised this week.")
}

func TestPrepAndUpdateShowForecasts(t *testing.T) {
	f := newForecastsFixture(t)
	prep := f.ann.get("/bosses/" + f.dana + "/prep")
	wantStatus(t, prep, http.StatusOK)
	wantBody(t, prep, "Forecasts to close", "Forecast F4")
	for _, other := range []string{"Forecast F3", "Forecast F2", "Forecast F1", "Bob"} {
		if strings.Contains(prep.body, other) {
			t.Errorf("Dana's prep page shows %q", other)
		}
	}
	wantBody(t, f.ann.get("/bosses/"+f.dana+"/prep.md"), "## Forecasts to close\n\n- Forecast F4 (raised Tue 10 Nov, expected by Fri 20 Nov)\n")

	// Heads-up: every open forecast with Dana, soonest first, whether due
	// or not; user text is escaped.
	f.ann.createdID("/entries", forecastForm(f.dana, "2026-11-27", "forecast", "Budget *freeze* <soon>", "expected_by", "2027-01-15",
		"likelihood", "low", "impact", "Hiring [stops]", "prepared", "# A lean plan"), "/entries/")
	upd := f.ann.get("/weeks/2026-W48.md?boss_id=" + f.dana)
	wantStatus(t, upd, http.StatusOK)
	wantBody(t, upd, "## Heads-up\n\n"+
		"- **Forecast F4** (medium likelihood, expected by Fri 20 Nov)\n  - Prepared: Plan F4\n"+
		"- **Forecast F2** (medium likelihood, expected by Thu 10 Dec)\n  - Prepared: Plan F2\n"+
		"- **Budget \\*freeze\\* \\<soon\\>** (low likelihood, expected by Fri 15 Jan)\n  - Impact: Hiring \\[stops\\]\n  - Prepared: \\# A lean plan\n")
	if strings.Contains(upd.body, "Forecast F3") || strings.Contains(upd.body, "Forecast F1") {
		t.Error("Dana's heads-up shows Eve's forecast or a closed one")
	}
	wantBody(t, f.ann.get("/weeks/2026-W48.md"), "Forecast F3")
	if strings.Contains(f.bob.get("/weeks/2026-W48.md").body, "Forecast F") {
		t.Error("Bob's update shows Ann's forecasts")
	}
}
