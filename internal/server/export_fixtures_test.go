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

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/leadup/leadup/internal/export"
)

// The export and import tests share these fixtures: one seeded journal,
// one schema check, one round trip and one check of a refused upload.

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

// exportApp is a test app with Ann signed in and seedForExport's journal
// logged in her account.
func exportApp(t *testing.T, edit ...func(*Config)) (*testApp, *client) {
	t.Helper()
	app, ann := newAnnApp(t, edit...)
	seedForExport(t, ann, app)
	return app, ann
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

// exported is c's JSON export, checked against the schema, as text and
// decoded.
func exported(t *testing.T, c *client) (string, export.File) {
	t.Helper()
	r := c.get("/export.json")
	wantStatus(t, r, http.StatusOK)
	validateExport(t, r.body)
	var f export.File
	if err := json.Unmarshal([]byte(r.body), &f); err != nil {
		t.Fatal(err)
	}
	return r.body, f
}

// validateExport fails the test unless body is JSON that matches
// docs/export.schema.json.
func validateExport(t *testing.T, body string) {
	t.Helper()
	schemaFile, err := os.Open("../../docs/export.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
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
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, body)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("export does not match the schema: %v\n%s", err, body)
	}
}

// importInto signs email up, imports file into the new account and checks
// that the account's export holds the same records; it returns the
// account's browser.
func importInto(t *testing.T, app *testApp, email, file string) *client {
	t.Helper()
	c := app.signedUp(email)
	wantStatus(t, c.upload([]byte(file)), http.StatusSeeOther)
	wantSameExport(t, c, file)
	return c
}

// wantSameExport fails unless c's export holds the records of file: the
// check that export → import → export loses nothing.
func wantSameExport(t *testing.T, c *client, file string) {
	t.Helper()
	again := c.get("/export.json").body
	if a, b := normalise(t, file), normalise(t, again); !reflect.DeepEqual(a, b) {
		t.Errorf("export → import → export changed the records:\n%s\n%s", file, again)
	}
}

// withoutEntryKeys is file as an older version wrote it: every entry
// without the given keys.
func withoutEntryKeys(t *testing.T, file string, keys ...string) []byte {
	t.Helper()
	var old map[string]any
	if err := json.Unmarshal([]byte(file), &old); err != nil {
		t.Fatal(err)
	}
	for _, e := range old["entries"].([]any) {
		for _, k := range keys {
			delete(e.(map[string]any), k)
		}
	}
	b, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantImportRefused uploads body as c and fails unless the import is
// refused with a 422 that names want, and nothing in the journal changed.
func wantImportRefused(t *testing.T, app *testApp, c *client, body []byte, want string) {
	t.Helper()
	before := app.snapshot()
	r := c.upload(body)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Nothing was imported.")
	if !strings.Contains(r.body, htmlEscape(want)) {
		t.Errorf("the page does not say %q\n%.4000s", want, r.body)
	}
	if after := app.snapshot(); after != before {
		t.Error("a refused import wrote something")
	}
}

// csvExport is c's CSV export, parsed: the header, then each row as a map
// from column name to cell.
func csvExport(t *testing.T, c *client) (head []string, rows []map[string]string) {
	t.Helper()
	r := c.get("/export.csv")
	wantStatus(t, r, http.StatusOK)
	if ct := r.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	all, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse back: %v", err)
	}
	head = all[0]
	for _, cells := range all[1:] {
		row := make(map[string]string, len(head))
		for i, name := range head {
			row[name] = cells[i]
		}
		rows = append(rows, row)
	}
	return head, rows
}

// csvRow is the row whose summary is summary, or nil.
func csvRow(rows []map[string]string, summary string) map[string]string {
	for _, row := range rows {
		if row["summary"] == summary {
			return row
		}
	}
	return nil
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
