package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/export"
)

func TestExportJSONMatchesSchema(t *testing.T) {
	app, c := exportApp(t)
	r := c.get("/export.json")
	wantStatus(t, r, http.StatusOK)
	today := time.Now().In(mustZone(t, "Europe/Berlin")).Format("2006-01-02")
	if cd := r.header.Get("Content-Disposition"); cd != `attachment; filename="leadup-`+today+`.json"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	validateExport(t, r.body)
	var f export.File
	json.Unmarshal([]byte(r.body), &f)
	if len(f.Bosses) != 2 || len(f.Priorities) != 1 || len(f.Entries) != 2 || len(f.Entries[0].FollowUps) != 2 {
		t.Fatalf("export holds %d bosses, %d priorities, %d entries", len(f.Bosses), len(f.Priorities), len(f.Entries))
	}
	if f.Entries[0].Notes != strings.ReplaceAll(hostileNotes, "\r\n", "\n") || f.Entries[0].PriorityID == nil || *f.Entries[0].PriorityID != f.Priorities[0].ID {
		t.Errorf("entry %+v", f.Entries[0])
	}
	if strings.Contains(r.body, "argon2") || strings.Contains(r.body, "password") {
		t.Error("the export holds the password hash")
	}
	// An empty account exports empty arrays, still valid.
	validateExport(t, app.signedUp("empty@example.com").get("/export.json").body)
}

func TestExportCSV(t *testing.T) {
	_, c := exportApp(t)
	head, rows := csvExport(t, c)
	if !reflect.DeepEqual(head, export.CSVHeader) || len(rows) != 2 {
		t.Fatalf("header %v, %d rows", head, len(rows))
	}
	row := rows[0]
	// Notes with commas, quotes and newlines survive the round trip; a
	// cell that starts like a formula is defused.
	if got := row["notes"]; got != strings.ReplaceAll(hostileNotes, "\r\n", "\n") {
		t.Errorf("notes %q", got)
	}
	if got := row["summary"]; got != "'=cmd|' /C calc'!A0" {
		t.Errorf("summary %q, want the formula neutralised", got)
	}
	if got := row["followups"]; !strings.Contains(got, "Me: +Send the deck (due 2026-11-05) [done") || !strings.Contains(got, "My boss: Approve budget") {
		t.Errorf("followups %q", got)
	}
	if row["practices"] != "results;solutions" || row["boss"] != "Dana" || row["priority"] != "Ship the Q4 plan" {
		t.Errorf("row %v", row)
	}
	for _, cell := range []string{"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"} {
		if got := export.Neutralize(cell); got != "'"+cell {
			t.Errorf("Neutralize(%q) = %q", cell, got)
		}
	}
	if got := export.Neutralize("plain - text"); got != "plain - text" {
		t.Errorf("Neutralize changed %q", got)
	}
}

func TestExportMarkdown(t *testing.T) {
	_, c := exportApp(t)
	r := c.get("/export.md")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "# Test User's leadup journal", "## Week 2026-W45 (2–8 Nov 2026)", "### Mon 2 Nov 2026:",
		"Priority: Ship the Q4 plan", "- [x] Me: +Send the deck (due Thu 5 Nov 2026)", "- [ ] My boss: Approve budget",
		"## Week 2026-W42", "### Mon 12 Oct 2026: Skip-level chat", "With Eve · 1:1 · Develop your team")
	if strings.Index(r.body, "2026-W45") > strings.Index(r.body, "2026-W42") {
		t.Error("weeks are not newest first")
	}
}

func TestImportRoundTrip(t *testing.T) {
	app, ann := exportApp(t)
	first := ann.get("/export.json").body

	// Into an empty account: the same records, ids included.
	bob := app.signedUp("bob@example.com")
	wantStatus(t, bob.upload([]byte(first)), http.StatusSeeOther)
	wantBody(t, bob.get("/settings"), "Import finished. Bosses: 2 added, 0 updated, 0 unchanged; priorities: 1 added", "entries: 2 added", "follow-ups: 2 added")
	wantSameExport(t, bob, first)
	// Bob's copies are his own: Ann's are untouched and both search alone.
	wantBody(t, bob.get("/entries?q=skip"), "1 entry")
	wantBody(t, ann.get("/entries?q=skip"), "1 entry")

	// The same file again changes nothing.
	before := app.snapshot()
	wantStatus(t, bob.upload([]byte(first)), http.StatusSeeOther)
	wantBody(t, bob.get("/settings"), "Bosses: 0 added, 0 updated, 2 unchanged", "entries: 0 added, 0 updated, 2 unchanged", "follow-ups: 0 added, 0 updated, 2 unchanged")
	if after := app.snapshot(); after != before {
		t.Errorf("a second import changed data:\n%s\n%s", before, after)
	}

	// An edited file updates what changed.
	edited := strings.Replace(first, "Skip-level chat", "Skip-level chat, revised", 1)
	wantStatus(t, bob.upload([]byte(edited)), http.StatusSeeOther)
	wantBody(t, bob.get("/settings"), "entries: 0 added, 1 updated, 1 unchanged")
	wantBody(t, bob.get("/entries?q=revised"), "1 entry")
}

func TestImportRefusesBadFiles(t *testing.T) {
	app, ann := exportApp(t, func(c *Config) { c.MaxImportBytes = 64 << 10 })
	good := ann.get("/export.json").body
	bob := app.signedUp("bob@example.com")

	mutate := func(edit func(map[string]any)) []byte {
		var copyOf map[string]any
		json.Unmarshal([]byte(good), &copyOf)
		edit(copyOf)
		b, _ := json.Marshal(copyOf)
		return b
	}
	entry := func(m map[string]any, i int) map[string]any { return m["entries"].([]any)[i].(map[string]any) }
	tests := []struct {
		name string
		body []byte
		want string
	}{
		{"broken JSON", []byte(good[:len(good)/2]), "not valid JSON"},
		{"not JSON at all", []byte("hello"), "not valid JSON"},
		{"another format", mutate(func(m map[string]any) { m["format"] = "something-else" }), "not a leadup export"},
		{"another version", mutate(func(m map[string]any) { m["version"] = 2 }), "version 2 leadup export"},
		{"empty summary", mutate(func(m map[string]any) { entry(m, 1)["summary"] = "" }), "entries[1].summary: Write a one-line summary."},
		{"future date", mutate(func(m map[string]any) { entry(m, 0)["occurred_on"] = "2999-01-01" }), "entries[0].occurred_on:"},
		{"unknown practice", mutate(func(m map[string]any) { entry(m, 0)["practices"] = []any{"golf"} }), "entries[0].practices:"},
		{"bad id", mutate(func(m map[string]any) { entry(m, 0)["id"] = "42" }), "entries[0].id: not a UUID."},
		{"dangling boss", mutate(func(m map[string]any) { entry(m, 1)["boss_id"] = "00000000-0000-4000-8000-000000000000" }), "entries[1].boss_id"},
		{"follow-up half done", mutate(func(m map[string]any) {
			entry(m, 0)["followups"].([]any)[0].(map[string]any)["done_on"] = nil
		}), "entries[0].followups[0].done_at"},
		// A valid export with anything after it.
		{"trailing object", []byte(good + `{"format":"leadup-export"}`), "more after the end of the export"},
		{"trailing junk", []byte(good + "garbage"), "more after the end of the export"},
		// Eve's entry linked to Dana's priority, which the form refuses.
		{"priority of another boss", mutate(func(m map[string]any) { entry(m, 1)["priority_id"] = entry(m, 0)["priority_id"] }), "is a priority of another boss"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantImportRefused(t, app, bob, tt.body, tt.want)
		})
	}
	// Trailing white space, as editors add, is fine.
	wantStatus(t, bob.upload([]byte(good+"\n\n")), http.StatusSeeOther)
	big := bytes.Repeat([]byte(" "), 70<<10)
	r := bob.upload(append(big, good...))
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	wantStatus(t, bob.post("/import", url.Values{"x": {"y"}}), http.StatusUnprocessableEntity)
}
