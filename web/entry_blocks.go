package web

import (
	"context"
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

// decisionLabel and outcomeLabel name a decision and an outcome in the
// reader's language.
func decisionLabel(ctx context.Context, d string) string {
	return optionLabel(ctx, "block.decision_", journal.Decisions, d)
}

func outcomeLabel(ctx context.Context, o string) string {
	return optionLabel(ctx, "block.outcome_", journal.Outcomes, o)
}

// counts fills each of a line's fields with its count in words: field →
// the count's plural message and its number.
func counts(ctx context.Context, prefix string, ns map[string]counted) map[string]any {
	out := make(map[string]any, len(ns))
	for field, c := range ns {
		out[field] = n(ctx, prefix+c.id, c.n)
	}
	return out
}

// counted is one number of a line and the plural message that says it.
type counted struct {
	id string
	n  int
}

// problemsLine is the week's problem counts in words.
func problemsLine(ctx context.Context, s journal.ProblemStats) string {
	return t(ctx, "block.problems_line", counts(ctx, "block.n_", map[string]counted{
		"Raised": {"raised", s.Raised}, "Open": {"open", s.Open}, "Taken": {"taken", s.Taken},
		"Changed": {"changed", s.Changed}, "Declined": {"declined", s.Declined},
	}))
}

// betsLine is the week's bet counts in words.
func betsLine(ctx context.Context, s journal.BetStats) string {
	return t(ctx, "block.bets_line", counts(ctx, "block.n_", map[string]counted{
		"Placed": {"placed", s.Placed}, "Due": {"due", s.Due}, "Reviewed": {"reviewed", s.Reviewed},
		"Better": {"better", s.Better}, "AsExpected": {"as_expected", s.AsExpected}, "Worse": {"worse", s.Worse},
		"CalledOff": {"called_off", s.CalledOff},
	}))
}

// nudge is a guidance line for count things waiting, or "" when none wait.
func nudge(ctx context.Context, id string, count int) string {
	if count == 0 {
		return ""
	}
	return n(ctx, id, count)
}

// problemsNudge is the week's guidance for problems still waiting for a
// decision; betsNudge for bets past their review date.
func problemsNudge(ctx context.Context, s journal.ProblemStats) string {
	return nudge(ctx, "block.nudge_problems", s.Open)
}

func betsNudge(ctx context.Context, s journal.BetStats) string {
	return nudge(ctx, "block.nudge_bets", s.Due)
}

// share is part of whole, for percent.
func share(part, whole int) float64 { return float64(part) / float64(whole) }

// solutionsLine says how many problems raised in the window ended with the
// recommendation taken.
func solutionsLine(ctx context.Context, r journal.SolutionsRate) string {
	if r.Raised == 0 {
		return t(ctx, "block.no_problems_12")
	}
	return n(ctx, "block.solutions_line", r.Raised, map[string]any{"Taken": r.Taken, "Percent": percent(ctx, share(r.Taken, r.Raised))})
}

// calibrationLine says how the bets that played out in the window came
// out.
func calibrationLine(ctx context.Context, c journal.Calibration) string {
	if c.Reviewed == 0 {
		return t(ctx, "block.no_bets_12")
	}
	return n(ctx, "block.calibration_line", c.Reviewed, map[string]any{"Kept": c.AsExpectedOrBetter, "Percent": percent(ctx, share(c.AsExpectedOrBetter, c.Reviewed))})
}

// blockNudge is the week's guidance for a neglected practice that a block
// measures: open problems for solutions, bets past review for risk.
func blockNudge(ctx context.Context, key string, s *journal.WeekSummary) string {
	switch key {
	case "solutions":
		return problemsNudge(ctx, s.Problems)
	case "risk":
		return betsNudge(ctx, s.Bets)
	}
	return ""
}
