package server

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/testenv"
)

// csvApp is exportApp's journal plus a boss whose name is not ASCII, the
// name Excel garbles in a file without a byte order mark.
func csvApp(t *testing.T) (*testApp, *client) {
	t.Helper()
	app, ann := exportApp(t)
	ann.createdID("/entries", entryForm("new_boss_name", "Zoë Müller", "occurred_on", "2026-11-03", "summary", "Café planning", "notes", "two\r\nlines"), "/entries/")
	return app, ann
}

// readCSVRecords parses body with encoding/csv and fails the test unless
// every record, the last included, ends in CRLF (RFC 4180 §2).
func readCSVRecords(t *testing.T, body string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(body))
	var records [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the CSV does not parse: %v", err)
		}
		if end := int(r.InputOffset()); end < 2 || body[end-2:end] != "\r\n" {
			t.Errorf("record %d ends in %q, want \\r\\n", len(records)+1, body[max(0, end-2):end])
		}
		records = append(records, rec)
	}
	return records
}

func TestExportCSVEndsRecordsInCRLF(t *testing.T) {
	_, ann := csvApp(t)
	r := ann.get("/export.csv")
	wantStatus(t, r, http.StatusOK)
	if strings.HasPrefix(r.body, "\ufeff") {
		t.Error("/export.csv starts with a byte order mark; only the Excel download may")
	}
	recs := readCSVRecords(t, r.body)
	if len(recs) != 4 || recs[0][0] != "id" {
		t.Fatalf("got %d records, first header %q; want 4 and \"id\"", len(recs), recs[0][0])
	}
	if recs[1][2] != "Zoë Müller" || recs[1][7] != "two\nlines" {
		t.Errorf("newest row: boss %q, notes %q; want Zoë Müller and two lines", recs[1][2], recs[1][7])
	}
}

func TestExportExcelCSVHasAByteOrderMark(t *testing.T) {
	_, ann := csvApp(t)
	plain := ann.get("/export.csv")
	r := ann.get("/export-excel.csv")
	wantStatus(t, r, http.StatusOK)
	if ct := r.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := r.header.Get("Content-Disposition"); !strings.HasSuffix(cd, `.excel.csv"`) {
		t.Errorf("Content-Disposition %q, want a .excel.csv file name", cd)
	}
	body, ok := strings.CutPrefix(r.body, "\ufeff")
	if !ok {
		t.Fatalf("the Excel download starts with %q, want the UTF-8 byte order mark", r.body[:min(len(r.body), 8)])
	}
	if body != plain.body {
		t.Error("after its byte order mark the Excel download differs from /export.csv")
	}
	readCSVRecords(t, body)
	page := ann.get("/settings")
	wantBody(t, page, `href="/export-excel.csv"`)
}

// TestExportCSVReadByPythonAndCsvkit reads both downloads with readers
// from outside the project: Python's csv module, the way its documentation
// opens a file, and Debian's csvkit.
func TestExportCSVReadByPythonAndCsvkit(t *testing.T) {
	csvjson, err := exec.LookPath("csvjson")
	if err != nil {
		testenv.Missing(t, "csvkit", "apt-get install csvkit")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		testenv.Missing(t, "python3", "apt-get install python3")
	}
	_, ann := csvApp(t)
	dir := t.TempDir()
	plain, excel := filepath.Join(dir, "plain.csv"), filepath.Join(dir, "excel.csv")
	for path, route := range map[string]string{plain: "/export.csv", excel: "/export-excel.csv"} {
		r := ann.get(route)
		wantStatus(t, r, http.StatusOK)
		if err := os.WriteFile(path, []byte(r.body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Python: the plain file as utf-8, the Excel one as utf-8-sig, as the
	// README says; both must give the same rows, headed "id".
	const script = `import csv, json, sys
out = []
for path, enc in ((sys.argv[1], "utf-8"), (sys.argv[2], "utf-8-sig")):
    with open(path, newline="", encoding=enc) as f:
        out.append(list(csv.reader(f)))
print(json.dumps(out))`
	got, err := exec.Command(python, "-c", script, plain, excel).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var both [2][][]string
	if err := json.Unmarshal(got, &both); err != nil {
		t.Fatalf("python3 printed %q: %v", got, err)
	}
	for i, recs := range both {
		if len(recs) != 4 || recs[0][0] != "id" || recs[1][2] != "Zoë Müller" || recs[1][7] != "two\nlines" {
			t.Errorf("python read file %d as %q", i, recs)
		}
	}
	// csvkit, without type inference, as JSON objects keyed by header.
	out, err := exec.Command(csvjson, "-I", plain).Output()
	if err != nil {
		t.Fatalf("csvjson: %v", err)
	}
	var rows []map[string]string
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("csvjson printed %q: %v", out, err)
	}
	if len(rows) != 3 || rows[0]["boss"] != "Zoë Müller" || rows[0]["notes"] != "two\nlines" || rows[1]["summary"] != "'=cmd|' /C calc'!A0" {
		t.Errorf("csvkit read %v", rows)
	}
}
