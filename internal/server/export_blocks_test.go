package server

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
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

func TestExportImportRoundTripsProblemsAndBets(t *testing.T) {
	app, ann, dana := fixedApp(t)
	seedBlocks(t, ann, dana)
	first, f := exported(t, ann)
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
	bob := importInto(t, app, "bob@example.com", first)
	if got := app.rowsOf("problems", "bob@example.com"); got != 2 {
		t.Errorf("bob has %v problems, want 2", got)
	}
	wantBody(t, bob.get("/entries?q=referral"), "1 entry")

	// The same file again changes nothing; an older file without the blocks
	// leaves them alone.
	blocks := []string{
		"SELECT group_concat(entry_id || decision || options) FROM problems",
		"SELECT group_concat(entry_id || coalesce(outcome, '-') || bet) FROM bets",
	}
	before := app.snapshot(blocks...)
	wantStatus(t, bob.upload([]byte(first)), http.StatusSeeOther)
	wantBody(t, bob.get("/settings"), "entries: 0 added, 0 updated, 4 unchanged")
	wantStatus(t, bob.upload(withoutEntryKeys(t, first, "problem", "bet")), http.StatusSeeOther)
	if after := app.snapshot(blocks...); after != before {
		t.Errorf("re-imports changed data:\n%s\n%s", before, after)
	}

	// A bad block is refused with where it is, and nothing is written.
	bad := strings.Replace(first, `"review_on":"2026-12-15"`, `"review_on":"2026-11-01"`, 1)
	// Newest first: entries[1] is the bet of 11-25.
	wantImportRefused(t, app, app.signedUp("carol@example.com"), []byte(bad), "entries[1].bet.review_on:")
}

func TestCSVAndMarkdownExportsShowProblemsAndBets(t *testing.T) {
	_, ann, dana := fixedApp(t)
	seedBlocks(t, ann, dana)
	_, rows := csvExport(t, ann)
	first := csvRow(rows, "Raised QA")
	wantProblem := "Problem: QA *stalls* releases\nOption 1: Automate [smoke] tests\nOption 2: =Hire a tester\nRecommendation: Automate_first\nDecision: Recommendation taken (2026-11-23): Pilot # in Q1"
	wantBet := "Bet: Automation pays back <soon>\nDownside: Two lost weeks\nMitigation: Timebox it\nReview on: 2026-11-25\nOutcome: As expected (2026-11-26)\nLesson: Ask | earlier"
	if first == nil || first["problem"] != wantProblem || first["bet"] != wantBet {
		t.Errorf("CSV row %q", first)
	}

	md := ann.get("/export.md")
	wantBody(t, md, "Problem: QA \\*stalls\\* releases\n\n1. Automate \\[smoke\\] tests\n2. =Hire a tester\n\nRecommendation: Automate\\_first",
		"Decision: Recommendation taken (2026-11-23): Pilot # in Q1", "Bet: Automation pays back \\<soon\\>", "Outcome: As expected (2026-11-26)", "Lesson: Ask \\| earlier",
		"Bet: Dana agrees to a pilot\n\nReview on: 2026-12-15")
}
