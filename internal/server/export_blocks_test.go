package server

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/leadup/leadup/internal/export"
)

// seedBlocks logs a decided problem, an open one, a reviewed bet and an
// open bet, with text that Markdown and spreadsheets would misread.
func seedBlocks(t *testing.T, ann *client, dana string) {
	t.Helper()
	p1 := ann.createdID("/entries", blockForm(dana, "2026-11-20", "summary", "Raised QA", "problem", "QA *stalls* releases", "option", "Automate [smoke] tests",
		"option", "=Hire a tester", "recommendation", "Automate_first", "bet", "Automation pays back <soon>", "downside", "Two lost weeks",
		"mitigation", "Timebox it", "review_on", "2026-11-25"), "/entries/")
	wantStatusT(t, ann.post("/entries/"+p1+"/decision", url.Values{"decision": {"taken"}, "decided_on": {"2026-11-23"}, "note": {"Pilot # in Q1"}}), http.StatusSeeOther)
	wantStatusT(t, ann.post("/entries/"+p1+"/outcome", url.Values{"outcome": {"as_expected"}, "reviewed_on": {"2026-11-26"}, "lesson": {"Ask | earlier"}}), http.StatusSeeOther)
	ann.createdID("/entries", blockForm(dana, "2026-11-24", "summary", "Raised hiring", "problem", "Hiring is slow", "option", "Referral bonus",
		"recommendation", "Referral bonus"), "/entries/")
	ann.createdID("/entries", blockForm(dana, "2026-11-25", "summary", "Took a risk", "bet", "Dana agrees to a pilot", "review_on", "2026-12-15"), "/entries/")
	ann.createdID("/entries", blockForm(dana, "2026-11-26", "summary", "Plain entry"), "/entries/")
}

func compileExportSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../docs/export.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	if err := comp.AddResource("export.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := comp.Compile("export.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExportImportRoundTripsProblemsAndBets(t *testing.T) {
	app, ann, dana := fixedApp(t)
	seedBlocks(t, ann, dana)
	first := ann.get("/export.json").body

	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileExportSchema(t).Validate(inst); err != nil {
		t.Fatalf("export does not match the schema: %v\n%s", err, first)
	}
	var f export.File
	json.Unmarshal([]byte(first), &f)
	// Newest first: the plain entry of 11-26, then back to the one with both.
	if len(f.Entries) != 4 || f.Entries[3].Problem == nil || f.Entries[3].Bet == nil || f.Entries[0].Problem != nil || f.Entries[0].Bet != nil {
		t.Fatalf("entries in the export: %+v", f.Entries)
	}
	p := f.Entries[3].Problem
	if !reflect.DeepEqual(p.Options, []string{"Automate [smoke] tests", "=Hire a tester"}) || p.Decision != "taken" || *p.DecidedOn != "2026-11-23" || p.DecisionNote != "Pilot # in Q1" {
		t.Errorf("problem in the export: %+v", p)
	}
	if b := f.Entries[3].Bet; *b.Outcome != "as_expected" || *b.ReviewedOn != "2026-11-26" || b.Lesson != "Ask | earlier" || b.Mitigation != "Timebox it" {
		t.Errorf("bet in the export: %+v", b)
	}
	if strings.Contains(first, `"problem":null`) || strings.Contains(first, `"bet":null`) {
		t.Error("an entry without a block exports it as null; it should be absent")
	}

	// Into a fresh account, exactly.
	bob := app.client()
	bob.signup("bob@example.com")
	wantStatus(t, bob.upload([]byte(first)), http.StatusSeeOther)
	again := bob.get("/export.json").body
	if a, b := normalise(t, first), normalise(t, again); !reflect.DeepEqual(a, b) {
		t.Errorf("export → import → export changed the records:\n%s\n%s", first, again)
	}
	if got := app.scalar("SELECT count(*) FROM problems p JOIN users u ON u.id = p.user_id WHERE u.email = 'bob@example.com'"); got != int64(2) {
		t.Errorf("bob has %v problems, want 2", got)
	}
	wantBody(t, bob.get("/entries?q=referral"), "1 entry")

	// The same file again changes nothing; an older file without the blocks
	// leaves them alone.
	before := app.snapshot() + fmtAny(app.scalar("SELECT group_concat(entry_id || decision || options) FROM problems")) +
		fmtAny(app.scalar("SELECT group_concat(entry_id || coalesce(outcome, '-') || bet) FROM bets"))
	wantStatus(t, bob.upload([]byte(first)), http.StatusSeeOther)
	wantBody(t, bob.get("/settings"), "entries: 0 added, 0 updated, 4 unchanged")
	var old map[string]any
	json.Unmarshal([]byte(first), &old)
	for _, e := range old["entries"].([]any) {
		delete(e.(map[string]any), "problem")
		delete(e.(map[string]any), "bet")
	}
	oldFile, _ := json.Marshal(old)
	wantStatus(t, bob.upload(oldFile), http.StatusSeeOther)
	after := app.snapshot() + fmtAny(app.scalar("SELECT group_concat(entry_id || decision || options) FROM problems")) +
		fmtAny(app.scalar("SELECT group_concat(entry_id || coalesce(outcome, '-') || bet) FROM bets"))
	if after != before {
		t.Errorf("re-imports changed data:\n%s\n%s", before, after)
	}

	// A bad block is refused with where it is, and nothing is written.
	bad := strings.Replace(first, `"review_on":"2026-12-15"`, `"review_on":"2026-11-01"`, 1)
	carol := app.client()
	carol.signup("carol@example.com")
	r := carol.upload([]byte(bad))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "entries[1].bet: review_on:") // newest first: the bet of 11-25
	if got := app.scalar("SELECT count(*) FROM entries e JOIN users u ON u.id = e.user_id WHERE u.email = 'carol@example.com'"); got != int64(0) {
		t.Errorf("a refused import wrote %v entries", got)
	}
}

func TestCSVAndMarkdownExportsShowProblemsAndBets(t *testing.T) {
	_, ann, dana := fixedApp(t)
	seedBlocks(t, ann, dana)
	r := ann.get("/export.csv")
	wantStatus(t, r, http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no %s column in %v", name, head)
		return -1
	}
	var first []string
	for _, row := range rows[1:] {
		if row[col("summary")] == "Raised QA" {
			first = row
		}
	}
	wantProblem := "Problem: QA *stalls* releases\nOption 1: Automate [smoke] tests\nOption 2: =Hire a tester\nRecommendation: Automate_first\nDecision: Recommendation taken (2026-11-23): Pilot # in Q1"
	wantBet := "Bet: Automation pays back <soon>\nDownside: Two lost weeks\nMitigation: Timebox it\nReview on: 2026-11-25\nOutcome: As expected (2026-11-26)\nLesson: Ask | earlier"
	if first == nil || first[col("problem")] != wantProblem || first[col("bet")] != wantBet {
		t.Errorf("CSV row %q", first)
	}

	md := ann.get("/export.md")
	wantBody(t, md, "Problem: QA \\*stalls\\* releases\n\n1. Automate \\[smoke\\] tests\n2. =Hire a tester\n\nRecommendation: Automate\\_first",
		"Decision: Recommendation taken (2026-11-23): Pilot # in Q1", "Bet: Automation pays back \\<soon\\>", "Outcome: As expected (2026-11-26)", "Lesson: Ask \\| earlier",
		"Bet: Dana agrees to a pilot\n\nReview on: 2026-12-15")
}
