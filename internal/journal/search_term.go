package journal

import "unicode/utf8"

// The search index stems words (Porter) and indexes the first 2, 3 and 4
// letters of each word, so these are the shapes of a term that FTS5 can
// answer by seeking into one user's part of one list.
const (
	minPrefixTerm = 2 // shorter words match whole words only
	maxPrefixTerm = 4 // longer words match by their stem
)

// wordTerm is the FTS5 term for one typed word. A short word is a prefix
// ("bud" finds "budget") read from a prefix index. A longer word matches
// its stem ("meeting" finds "meetings" and "meet"): as a prefix it would
// make FTS5 merge the lists of every term that starts with it, across all
// users, before it could narrow them to the searching user.
func wordTerm(w string) string {
	if n := utf8.RuneCountInString(w); n >= minPrefixTerm && n <= maxPrefixTerm {
		return `"` + w + `"*`
	}
	return `"` + w + `"`
}
