package report

import (
	"strings"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// decisionLines writes each open problem with its options and the one
// recommended, as a list item with a nested list.
func decisionLines(problems []*journal.Problem) []string {
	var out []string
	for _, p := range problems {
		var b strings.Builder
		b.WriteString("**" + markdown.Text(p.Problem) + "** (raised " + shortDate(p.OccurredOn) + ")")
		for i, o := range p.Options {
			b.WriteString("\n  - Option " + string(rune('1'+i)) + ": " + markdown.Text(o))
		}
		b.WriteString("\n  - I recommend: " + markdown.Text(p.Recommendation))
		out = append(out, b.String())
	}
	return out
}

func betLines(bets []*journal.Bet) []string {
	var out []string
	for _, b := range bets {
		out = append(out, markdown.Text(b.Bet)+" (placed "+shortDate(b.OccurredOn)+", review since "+shortDate(b.ReviewOn)+")")
	}
	return out
}
