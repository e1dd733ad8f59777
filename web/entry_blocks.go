package web

import (
	"strconv"

	"github.com/leadup/leadup/internal/journal"
)

// BlockForms are the forms on an entry's page that close its blocks, by
// the block's key (journal.BlockKind.Key).
type BlockForms map[string]Form

// optionKey is the form value key of the nth option box (1-based): the
// boxes share the name "option", so their values are kept apart by place.
func optionKey(n int) string { return "option." + strconv.Itoa(n) }

// OptionValues puts typed options into form values, one box each.
func OptionValues(values map[string]string, options []string) {
	for i, o := range options {
		if i < journal.MaxOptions {
			values[optionKey(i+1)] = o
		}
	}
}

func optionBoxes() []int {
	boxes := make([]int, journal.MaxOptions)
	for i := range boxes {
		boxes[i] = i + 1
	}
	return boxes
}

// problemTyped and betTyped open a block's <details> when it holds
// something, so that nothing typed hides after a 422 or on an edit.
func problemTyped(f Form) bool {
	if f.Get("problem") != "" || f.Get("recommendation") != "" || f.Err("problem") != "" || f.Err("option") != "" {
		return true
	}
	for _, n := range optionBoxes() {
		if f.Get(optionKey(n)) != "" {
			return true
		}
	}
	return false
}

func betTyped(f Form) bool { return f.typed("bet", "downside", "mitigation", "review_on") }

func decisionLabel(d string) string { return journal.OptionLabel(journal.Decisions, d) }
func outcomeLabel(o string) string  { return journal.OptionLabel(journal.Outcomes, o) }

// problemsLine is the week's problem counts in words.
func problemsLine(s journal.ProblemStats) string {
	return itoa(s.Raised) + " raised · " + itoa(s.Open) + " open · " + itoa(s.Taken) + " taken · " +
		itoa(s.Changed) + " changed · " + itoa(s.Declined) + " declined"
}

// betsLine is the week's bet counts in words.
func betsLine(s journal.BetStats) string {
	return itoa(s.Placed) + " placed · " + itoa(s.Due) + " due · " + itoa(s.Reviewed) + " reviewed (" +
		itoa(s.Better) + " better, " + itoa(s.AsExpected) + " as expected, " + itoa(s.Worse) + " worse, " +
		itoa(s.CalledOff) + " called off)"
}

// blockNudge is the week's guidance for a neglected practice that a block
// measures: open problems for solutions, bets past review for risk.
func blockNudge(key string, s *journal.WeekSummary) string {
	switch key {
	case "solutions":
		return s.Problems.Nudge()
	case "risk":
		return s.Bets.Nudge()
	}
	return ""
}
