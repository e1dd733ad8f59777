package report

import (
	"strings"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// decisionLines writes each open problem with its options and the one
// recommended, as a list item with a nested list.
func decisionLines(problems []*journal.Problem) []string {
	return linesOf(problems, func(p *journal.Problem) string {
		var details []string
		for i, o := range p.Options {
			details = append(details, "Option "+string(rune('1'+i))+": "+markdown.Text(o))
		}
		details = append(details, "I recommend: "+markdown.Text(p.Recommendation))
		return nestedItem(p.Problem, "raised "+journal.FormatDate(p.OccurredOn, journal.DayLayout), details)
	})
}

// nestedItem writes a list item: head in bold with a note in brackets,
// then each detail in a list nested under it.
func nestedItem(head, note string, details []string) string {
	var b strings.Builder
	b.WriteString("**" + markdown.Text(head) + "** (" + note + ")")
	for _, d := range details {
		b.WriteString("\n  - " + d)
	}
	return b.String()
}

func betLines(bets []*journal.Bet) []string {
	return linesOf(bets, func(b *journal.Bet) string {
		return markdown.Text(b.Bet) + " (placed " + journal.FormatDate(b.OccurredOn, journal.DayLayout) + ", review since " + journal.FormatDate(b.ReviewOn, journal.DayLayout) + ")"
	})
}
