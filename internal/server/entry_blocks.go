package server

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// blockFields are the plain fields of the entry form's problem and bet
// blocks; the repeated option boxes are copied by place.
var blockFields = []string{"problem", "recommendation", "bet", "downside", "mitigation", "review_on"}

// readBlocks reads the problem and bet blocks into an entry's input and
// tags the practices they stand for. A block whose fields the form did not
// carry at all stays nil, so an update from such a form leaves it alone.
func readBlocks(r *http.Request, in *journal.EntryInput) {
	_, hasProblem := r.PostForm["problem"]
	if _, hasOptions := r.PostForm["option"]; hasProblem || hasOptions {
		in.Problem = &journal.ProblemInput{Problem: r.PostFormValue("problem"), Options: r.PostForm["option"], Recommendation: r.PostFormValue("recommendation")}
	}
	if _, ok := r.PostForm["bet"]; ok {
		in.Bet = &journal.BetInput{Bet: r.PostFormValue("bet"), Downside: r.PostFormValue("downside"),
			Mitigation: r.PostFormValue("mitigation"), ReviewOn: r.PostFormValue("review_on")}
	}
	in.AddBlockPractices()
}

// blockFormValues copies what was typed in the blocks, for a re-render.
func blockFormValues(r *http.Request, values map[string]string) {
	for k, v := range formValues(r, blockFields...) {
		values[k] = v
	}
	web.OptionValues(values, r.PostForm["option"])
}

// entryBlockValues fills the edit form with an entry's stored blocks.
func entryBlockValues(values map[string]string, e *journal.Entry) {
	if p := e.Problem; p != nil {
		values["problem"], values["recommendation"] = p.Problem, p.Recommendation
		web.OptionValues(values, p.Options)
	}
	if b := e.Bet; b != nil {
		values["bet"], values["downside"], values["mitigation"], values["review_on"] = b.Bet, b.Downside, b.Mitigation, b.ReviewOn
	}
}

// blockForms are the decision and outcome forms as first shown: what is
// recorded so far, dated today.
func blockForms(e *journal.Entry, today string) web.BlockForms {
	f := web.BlockForms{
		Decision: web.Form{Values: map[string]string{"decision": "taken", "decided_on": today}},
		Outcome:  web.Form{Values: map[string]string{"outcome": "as_expected", "reviewed_on": today}},
	}
	if p := e.Problem; p != nil && p.DecidedOn != "" {
		f.Decision.Values["decision"], f.Decision.Values["note"] = p.Decision, p.DecisionNote
	}
	if b := e.Bet; b != nil && b.Outcome != "" {
		f.Outcome.Values["outcome"], f.Outcome.Values["lesson"] = b.Outcome, b.Lesson
	}
	return f
}
