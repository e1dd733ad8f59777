package report

import (
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// decisionLines writes each open problem with its options and the one
// recommended, as a list item with a nested list.
func decisionLines(problems []*journal.Problem) []string {
	var out []string
	for _, p := range problems {
		var b strings.Builder
		b.WriteString("**" + escape(p.Problem) + "** (raised " + shortDate(p.OccurredOn) + ")")
		for i, o := range p.Options {
			b.WriteString("\n  - Option " + string(rune('1'+i)) + ": " + escape(o))
		}
		b.WriteString("\n  - I recommend: " + escape(p.Recommendation))
		out = append(out, b.String())
	}
	return out
}

func betLines(bets []*journal.Bet) []string {
	var out []string
	for _, b := range bets {
		out = append(out, escape(b.Bet)+" (placed "+shortDate(b.OccurredOn)+", review since "+shortDate(b.ReviewOn)+")")
	}
	return out
}

// markdownSpecial are the characters that can start Markdown syntax inside
// a line; each is escaped with a backslash, which CommonMark allows before
// any ASCII punctuation.
const markdownSpecial = "\\`*_[]<>#|~!&"

// escape keeps user text on one line and makes it literal in Markdown.
// TODO(lead): replace with the shared escape function of #13 at merge.
func escape(s string) string {
	s = oneLine(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(markdownSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
