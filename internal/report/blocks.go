package report

import (
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// decisionLines writes each open problem with its options and the one
// recommended, as a list item with a nested list.
func decisionLines(l *i18n.Localizer, problems []*journal.Problem) []string {
	return linesOf(problems, func(p *journal.Problem) string {
		var details []string
		for i, o := range p.Options {
			details = append(details, "Option "+string(rune('1'+i))+": "+markdown.Text(o))
		}
		details = append(details, "I recommend: "+markdown.Text(p.Recommendation))
		return nestedItem(p.Problem, "raised "+l.Date(p.OccurredOn, i18n.DayMonth), details)
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

func betLines(l *i18n.Localizer, bets []*journal.Bet) []string {
	return linesOf(bets, func(b *journal.Bet) string {
		return markdown.Text(b.Bet) + " (placed " + l.Date(b.OccurredOn, i18n.DayMonth) + ", review since " + l.Date(b.ReviewOn, i18n.DayMonth) + ")"
	})
}
