package journal

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SummaryFromTitle makes the title of a shared page into an entry's
// summary: one line, without control characters, and at most
// MaxSummaryChars, cut at a word with an ellipsis when longer. cut reports
// the shortening, so that the caller can keep the whole title elsewhere.
func SummaryFromTitle(title string) (summary string, cut bool) {
	title = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(title, ""))
	summary = strings.Join(strings.Fields(title), " ")
	if utf8.RuneCountInString(summary) <= MaxSummaryChars {
		return summary, false
	}
	short := string([]rune(summary)[:MaxSummaryChars-1])
	if i := strings.LastIndex(short, " "); i > len(short)/2 {
		short = short[:i]
	}
	return strings.TrimRight(short, " ") + "…", true
}
