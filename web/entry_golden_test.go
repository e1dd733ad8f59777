package web

import (
	"context"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"github.com/leadup/leadup/internal/golden"
	"github.com/leadup/leadup/internal/journal"
)

// TestEntryPagesGolden holds the HTML of the entry form and of an entry's
// page, where the blocks are drawn, byte for byte: blank, with each block
// typed, with a block's errors, and an entry holding every block, open and
// closed, with a refused closing form. Run with -update to rewrite the
// files in testdata, then review the diff.
func TestEntryPagesGolden(t *testing.T) {
	bosses := []*journal.Boss{{ID: 7, Name: "Dana"}}
	capture := func(values, errors map[string]string) EntryForm {
		return EntryForm{Form: Form{Values: values, Errors: errors}, Bosses: bosses, Action: "/entries",
			Submit: "Save", Token: "tok", Capture: true, DraftKey: "draft-1"}
	}
	open := &journal.Entry{ID: 3, Summary: "Weekly 1:1", OccurredOn: "2026-11-20", BossID: 7, BossName: "Dana", Kind: "one_on_one",
		Practices: []string{"solutions", "risk"},
		Problem: &journal.Problem{Problem: "The build is slow", Options: []string{"Cache", "Split"}, Recommendation: "Cache",
			Decision: "open"},
		Bet:      &journal.Bet{Bet: "Ship Friday", Downside: "A weekend", Mitigation: "Flag", ReviewOn: "2026-11-25"},
		Forecast: &journal.Forecast{Forecast: "The vendor slips", ExpectedBy: "2026-11-24", Likelihood: "high", Impact: "A sprint", Prepared: "A quote", NoticedOn: "2026-11-18"}}
	closed := *open
	closed.Problem = &journal.Problem{Problem: "The build is slow", Options: []string{"Cache"}, Recommendation: "Cache",
		Decision: "taken", DecidedOn: "2026-11-21", DecisionNote: "Agreed"}
	closed.Bet = &journal.Bet{Bet: "Ship Friday", ReviewOn: "2026-11-25", Outcome: "better", Lesson: "Again", ReviewedOn: "2026-11-26"}
	closed.Forecast = &journal.Forecast{Forecast: "The vendor slips", ExpectedBy: "2026-11-24", Likelihood: "low", Prepared: "A quote",
		NoticedOn: "2026-11-20", Result: "averted", ResolvedOn: "2026-11-27"}
	closing := func(e *journal.Entry, refused string) BlockForms {
		forms := BlockForms{}
		for _, k := range journal.Blocks {
			forms[k.Key] = Form{Values: k.ClosingShown(e, "2026-11-28")}
		}
		if refused != "" {
			f := forms[refused]
			f.Errors, f.Message = map[string]string{journal.Blocks[0].Recorded[1].FormName(): "Enter the date.", "resolved_on": "Too late.", "reviewed_on": "Too early."}, "Check the form."
			forms[refused] = f
		}
		return forms
	}
	page := Page{Title: "Entry", User: &Viewer{DisplayName: "Ann", Device: "dev"}, Active: "entries"}
	tests := []struct {
		name string
		c    templ.Component
	}{
		{"form-blank", EntryFields(capture(nil, nil))},
		{"form-problem", EntryFields(capture(map[string]string{"problem": "Slow", "option.1": "Cache", "option.3": "Split", "recommendation": "Cache"}, nil))},
		{"form-bet", EntryFields(capture(map[string]string{"bet": "Ship", "review_on": "2026-12-01"}, map[string]string{"review_on": "Too early."}))},
		{"form-forecast", EntryFields(capture(map[string]string{"likelihood": "medium", "noticed_on": "2026-11-01"}, map[string]string{"forecast": "Say it.", "likelihood": "Choose."}))},
		{"form-errors", EntryFields(capture(map[string]string{"summary": "x"}, map[string]string{"option": "One at least.", "problem": "Say it."}))},
		{"form-edit", EntryFields(EntryForm{Form: Form{Values: map[string]string{"summary": "Edit me", "likelihood": "low"}}, Action: "/entries/3", Submit: "Save changes"})},
		{"entry-open", EntryPage(page, EntryView{Entry: open, Today: "2026-11-28", Blocks: closing(open, ""), FollowUpForm: Form{Values: map[string]string{"owner": "me"}}})},
		{"entry-closed", EntryPage(page, EntryView{Entry: &closed, Today: "2026-11-28", Blocks: closing(&closed, "")})},
		{"entry-refused", EntryPage(page, EntryView{Entry: open, Today: "2026-11-22", Blocks: closing(open, "forecast")})},
		{"entry-no-blocks", EntryPage(page, EntryView{Entry: &journal.Entry{ID: 4, Summary: "Plain", OccurredOn: "2026-11-20", BossName: "Dana", Kind: "one_on_one"}, Today: "2026-11-28"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := tt.c.Render(context.Background(), &b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "entry-"+tt.name+".html", b.String())
		})
	}
}
