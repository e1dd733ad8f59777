package server

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"testing"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
)

// TestAPIEntryIsTheExportEntry holds every entry the API answers — one
// entry, a page of the list, a search, a PATCH — equal to the export's
// entry with the same id, blocks included: an entry with a problem, a bet
// and a forecast, entries with one block, and entries with none, logged
// through the forms and through the API.
func TestAPIEntryIsTheExportEntry(t *testing.T) {
	app, ann, dana := fixedApp(t)
	seedBlocks(t, ann, dana)
	seedForecasts(t, ann, dana)
	all := ann.createdID("/entries", blockForm(dana, "2026-11-21", "summary", "Raised all three", "problem", "Scope creeps",
		"option", "Cut scope", "option", "Add a week", "recommendation", "Cut scope", "bet", "Cutting scope keeps the date",
		"review_on", "2026-11-25", "forecast", "QA finds a blocker", "expected_by", "2026-12-01", "likelihood", "medium",
		"impact", "A slip", "prepared", "A fallback build", "noticed_on", ""), "/entries/")
	wantStatusT(t, ann.post("/entries/"+all+"/decision", url.Values{"decision": {"changed"}, "decided_on": {"2026-11-22"}, "note": {"Kept the week"}}), http.StatusSeeOther)
	wantStatusT(t, ann.post("/entries/"+all+"/outcome", url.Values{"outcome": {"worse"}, "reviewed_on": {"2026-11-26"}, "lesson": {"Cut earlier"}}), http.StatusSeeOther)
	wantStatusT(t, ann.post("/entries/"+all+"/forecast", url.Values{"result": {"happened"}, "resolved_on": {"2026-11-26"}}), http.StatusSeeOther)
	api := app.apiClient(ann.createToken("blocks", journal.ScopeWrite, ""))
	body := map[string]any{"boss_id": apiBossID(t, api, "Dana"), "summary": "Logged through the API", "practices": []string{"team"}}
	// The API logs an entry's own fields only: a block in the body is
	// refused, and nothing is written.
	entries := app.count("entries")
	withBlock := maps.Clone(body)
	withBlock["problem"] = map[string]any{"problem": "Scope creeps", "options": []string{"Cut scope"}, "recommendation": "Cut scope"}
	wantAPIStatus(t, api.do("POST", "/entries", withBlock), http.StatusBadRequest)
	if n := app.count("entries"); n != entries || app.count("problems") != 3 {
		t.Fatalf("after a refused create: %d entries, %d problems; want %d and 3", n, app.count("problems"), entries)
	}
	r := api.do("POST", "/entries", body)
	wantAPIStatus(t, r, http.StatusCreated)

	exportedEntries := exportEntriesByID(t, ann)
	wantBlockCoverage(t, exportedEntries)

	for id, want := range exportedEntries {
		r := api.do("GET", "/entries/"+id, nil)
		wantAPIStatus(t, r, http.StatusOK)
		wantSameEntry(t, "GET /entries/"+id, decodeObject(t, r), want)
	}
	for _, path := range []string{"/entries?limit=100", "/entries?q=Raised", "/entries?practice=results&limit=3"} {
		r := api.do("GET", path, nil)
		wantAPIStatus(t, r, http.StatusOK)
		var list struct {
			Entries []map[string]any `json:"entries"`
		}
		r.decode(t, &list)
		if len(list.Entries) == 0 {
			t.Fatalf("GET %s listed no entries", path)
		}
		for _, got := range list.Entries {
			id, _ := got["id"].(string)
			wantSameEntry(t, "GET "+path+" entry "+id, got, exportedEntries[id])
		}
	}

	// A PATCH answers the entry with its blocks, and keeps them.
	id := entryIDBySummary(t, exportedEntries, "Raised all three")
	r = api.do("PATCH", "/entries/"+id, map[string]any{"summary": "Raised all three, renamed"})
	wantAPIStatus(t, r, http.StatusOK)
	patched := decodeObject(t, r)
	want := exportEntriesByID(t, ann)[id]
	if want["problem"] == nil || want["bet"] == nil || want["forecast"] == nil {
		t.Fatalf("the export lost the blocks of the patched entry: %v", want)
	}
	wantSameEntry(t, "PATCH /entries/"+id, patched, want)
}

func entryIDBySummary(t *testing.T, entries map[string]map[string]any, summary string) string {
	t.Helper()
	for id, e := range entries {
		if e["summary"] == summary {
			return id
		}
	}
	t.Fatalf("no entry %q in the export", summary)
	return ""
}

// exportEntriesByID reads /export.json as plain JSON objects, by entry id.
func exportEntriesByID(t *testing.T, c *client) map[string]map[string]any {
	t.Helper()
	body, _ := exported(t, c)
	var f struct {
		Entries []map[string]any `json:"entries"`
	}
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	out := make(map[string]map[string]any, len(f.Entries))
	for _, e := range f.Entries {
		id, _ := e["id"].(string)
		out[id] = e
	}
	return out
}

// wantBlockCoverage wants the export to hold an entry with all three
// blocks, and one with none, so that the comparison covers both.
func wantBlockCoverage(t *testing.T, entries map[string]map[string]any) {
	t.Helper()
	var whole, bare bool
	for _, e := range entries {
		_, p := e["problem"]
		_, b := e["bet"]
		_, f := e["forecast"]
		whole = whole || (p && b && f)
		bare = bare || (!p && !b && !f)
	}
	if !whole || !bare {
		t.Fatalf("export: an entry with every block %v, one with none %v; want both", whole, bare)
	}
}

// apiBossID returns the public id of the user's boss called name.
func apiBossID(t *testing.T, api *apiClient, name string) string {
	t.Helper()
	var list struct {
		Bosses []export.Boss `json:"bosses"`
	}
	api.do("GET", "/bosses", nil).decode(t, &list)
	for _, b := range list.Bosses {
		if b.Name == name {
			return b.ID
		}
	}
	t.Fatalf("no boss %s in %+v", name, list.Bosses)
	return ""
}

func decodeObject(t *testing.T, r *apiResponse) map[string]any {
	t.Helper()
	var m map[string]any
	r.decode(t, &m)
	return m
}

func wantSameEntry(t *testing.T, what string, got, want map[string]any) {
	t.Helper()
	if want == nil {
		t.Errorf("%s: no entry with that id in the export", what)
		return
	}
	if !reflect.DeepEqual(got, want) {
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(want)
		t.Errorf("%s:\n got %s\nwant %s (the export's)", what, gb, wb)
	}
}

func wantAPIStatus(t *testing.T, r *apiResponse, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
}
