package report

import (
	"strconv"
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
			details = append(details, l.T("report.decision.option", map[string]string{"N": strconv.Itoa(i + 1), "Text": markdown.Text(o)}))
		}
		details = append(details, l.T("report.decision.recommend", map[string]string{"Text": markdown.Text(p.Recommendation)}))
		return nestedItem(p.Problem, l.T("report.raised", dateData(l, p.OccurredOn)), details)
	})
}

// dateData is a day as a message's {{.Date}}, written as the drafts
// write days, in l's language.
func dateData(l *i18n.Localizer, d string) map[string]string {
	return map[string]string{"Date": l.Date(d, i18n.DayMonth)}
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
		return markdown.Text(b.Bet) + " (" + l.T("report.bet.placed", dateData(l, b.OccurredOn)) + ", " + l.T("report.bet.review_since", dateData(l, b.ReviewOn)) + ")"
	})
}
