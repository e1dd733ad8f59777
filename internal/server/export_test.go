package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/leadup/leadup/internal/export"
)

const hostileNotes = "Line one, with a comma\n\"Quoted\" and 'single'\n=HYPERLINK(\"http://evil.example\")\r\nlast line; done"

// seedForExport logs a small journal with every kind of record.
func seedForExport(t *testing.T, c *client, app *testApp) {
	t.Helper()
	dana := c.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}, "role": {"VP Eng"}}, "/bosses/")
	c.createdID("/bosses/"+dana+"/priorities", url.Values{"text": {"Ship the Q4 plan"}}, "/bosses/")
	prio := fmtAny(app.scalar("SELECT max(id) FROM priorities"))
	e1 := c.createdID("/entries", entryForm("boss_id", dana, "occurred_on", "2026-11-02", "summary", "=cmd|' /C calc'!A0", "notes", hostileNotes, "priority_id", prio), "/entries/")
	c.post("/entries/"+e1+"/followups", url.Values{"text": {"+Send the deck"}, "owner": {"me"}, "due_on": {"2026-11-05"}})
	c.post("/entries/"+e1+"/followups", url.Values{"text": {"Approve budget"}, "owner": {"boss"}})
	fu := fmtAny(app.scalar("SELECT min(id) FROM followups"))
	c.post("/followups/"+fu, url.Values{"done": {"1"}})
	c.createdID("/entries", entryForm("new_boss_name", "Eve", "occurred_on", "2026-10-12", "summary", "Skip-level chat", "notes", "", "practice", "team"), "/entries/")
	eve := fmtAny(app.scalar("SELECT id FROM bosses WHERE name = 'Eve'"))
	c.post("/bosses/"+eve+"/archive", url.Values{"archived": {"1"}})
}

func TestExportJSONMatchesSchema(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	c.signup("ann@example.com")
	seedForExport(t, c, app)
	r := c.get("/export.json")
	wantStatus(t, r, http.StatusOK)
	today := time.Now().In(mustZone(t, "Europe/Berlin")).Format("2006-01-02")
	if cd := r.header.Get("Content-Disposition"); cd != `attachment; filename="leadup-`+today+`.json"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	schemaFile, err := os.Open("../../docs/export.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	if err := comp.AddResource("export.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := comp.Compile("export.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(r.body))
	if err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, r.body)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("export does not match the schema: %v\n%s", err, r.body)
	}
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
	empty := app.client()
	empty.signup("empty@example.com")
	inst, _ = jsonschema.UnmarshalJSON(strings.NewReader(empty.get("/export.json").body))
	if err := schema.Validate(inst); err != nil {
		t.Errorf("an empty export does not match the schema: %v", err)
	}
}

func TestExportCSV(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	c.signup("ann@example.com")
	seedForExport(t, c, app)
	r := c.get("/export.csv")
	wantStatus(t, r, http.StatusOK)
	if ct := r.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	rows, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse back: %v", err)
	}
	if !reflect.DeepEqual(rows[0], export.CSVHeader) || len(rows) != 3 {
		t.Fatalf("header %v, %d rows", rows[0], len(rows))
	}
	row := rows[1]
	col := func(name string) string {
		for i, h := range rows[0] {
			if h == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	// Notes with commas, quotes and newlines survive the round trip; a
	// cell that starts like a formula is defused.
	if got := col("notes"); got != strings.ReplaceAll(hostileNotes, "\r\n", "\n") {
		t.Errorf("notes %q", got)
	}
	if got := col("summary"); got != "'=cmd|' /C calc'!A0" {
		t.Errorf("summary %q, want the formula neutralised", got)
	}
	if got := col("followups"); !strings.Contains(got, "Me: +Send the deck (due 2026-11-05) [done") || !strings.Contains(got, "My boss: Approve budget") {
		t.Errorf("followups %q", got)
	}
	if col("practices") != "results;solutions" || col("boss") != "Dana" || col("priority") != "Ship the Q4 plan" {
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
	app := newTestApp(t)
	c := app.client()
	c.signup("ann@example.com")
	seedForExport(t, c, app)
	r := c.get("/export.md")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "# Test User's leadup journal", "## Week 2026-W45 (2–8 Nov 2026)", "### Mon 2 Nov 2026:",
		"Priority: Ship the Q4 plan", "- [x] Me: +Send the deck (due 2026-11-05)", "- [ ] My boss: Approve budget",
		"## Week 2026-W42", "### Mon 12 Oct 2026: Skip-level chat", "With Eve · 1:1 · Develop your team")
	if strings.Index(r.body, "2026-W45") > strings.Index(r.body, "2026-W42") {
		t.Error("weeks are not newest first")
	}
}

// upload posts file as the multipart field "file" to /import.
func (c *client) upload(body []byte) *response {
	c.app.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "export.json")
	fw.Write(body)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.app.ts.URL+"/import", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// normalise drops what differs between two exports of equal journals.
func normalise(t *testing.T, body string) export.File {
	t.Helper()
	var f export.File
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	f.ExportedAt, f.User = "", export.User{}
	return f
}

func TestImportRoundTrip(t *testing.T) {
	app := newTestApp(t)
	ann := app.client()
	ann.signup("ann@example.com")
	seedForExport(t, ann, app)
	first := ann.get("/export.json").body

	// Into an empty account: the same records, ids included.
	bob := app.client()
	bob.signup("bob@example.com")
	r := bob.upload([]byte(first))
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, bob.get("/settings"), "Import finished. Bosses: 2 added, 0 updated, 0 unchanged; priorities: 1 added", "entries: 2 added", "follow-ups: 2 added")
	again := bob.get("/export.json").body
	if a, b := normalise(t, first), normalise(t, again); !reflect.DeepEqual(a, b) {
		t.Errorf("export → import → export changed the records:\n%s\n%s", first, again)
	}
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
	app := newTestApp(t, func(c *Config) { c.MaxImportBytes = 64 << 10 })
	ann := app.client()
	ann.signup("ann@example.com")
	seedForExport(t, ann, app)
	good := ann.get("/export.json").body
	bob := app.client()
	bob.signup("bob@example.com")

	var f map[string]any
	json.Unmarshal([]byte(good), &f)
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
		{"empty summary", mutate(func(m map[string]any) { entry(m, 1)["summary"] = "" }), "entries[1]: summary: Write a one-line summary."},
		{"future date", mutate(func(m map[string]any) { entry(m, 0)["occurred_on"] = "2999-01-01" }), "entries[0]: occurred_on:"},
		{"unknown practice", mutate(func(m map[string]any) { entry(m, 0)["practices"] = []any{"golf"} }), "entries[0]: practice:"},
		{"bad id", mutate(func(m map[string]any) { entry(m, 0)["id"] = "42" }), "entries[0]: id: not a UUID."},
		{"dangling boss", mutate(func(m map[string]any) { entry(m, 1)["boss_id"] = "00000000-0000-4000-8000-000000000000" }), "entries[1]: boss_id"},
		{"follow-up half done", mutate(func(m map[string]any) {
			entry(m, 0)["followups"].([]any)[0].(map[string]any)["done_on"] = nil
		}), "entries[0].followups[0]: done_at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := app.snapshot()
			r := bob.upload(tt.body)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, "Nothing was imported.")
			if !strings.Contains(r.body, htmlEscape(tt.want)) {
				t.Errorf("the page does not say %q\n%.4000s", tt.want, r.body)
			}
			if after := app.snapshot(); after != before {
				t.Error("a refused import wrote something")
			}
		})
	}
	big := bytes.Repeat([]byte(" "), 70<<10)
	r := bob.upload(append(big, good...))
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	wantStatus(t, bob.post("/import", url.Values{"x": {"y"}}), http.StatusUnprocessableEntity)
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
