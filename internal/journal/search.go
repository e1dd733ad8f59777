package journal

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// SearchQuery turns what a user typed into a safe FTS5 query of that
// user's words, matched by the rules of the user's language lang, a BCP 47
// tag (see languageForms). Words become terms (see wordTerm), text in
// double quotes stays a phrase, and everything else (operators, stray
// quotes, asterisks) is treated as plain text, so no input can be a syntax
// error. It returns "" when nothing searchable is left.
func SearchQuery(userID int64, lang, q string) string {
	scope, lang := searchScope(userID), searchLanguage(lang)
	var terms []string
	for q != "" {
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 { // an unbalanced quote: read the rest as words
				q = q[1:]
				continue
			}
			if words := searchWords(q[1 : 1+end]); len(words) > 0 {
				terms = append(terms, `"`+scope+strings.Join(words, " "+scope)+`"`)
			}
			q = q[end+2:]
			continue
		}
		i := strings.IndexByte(q, '"')
		if i < 0 {
			i = len(q)
		}
		for _, w := range searchWords(q[:i]) {
			terms = append(terms, wordTerm(scope, lang, w))
		}
		q = q[i:]
	}
	if lang != "" {
		// FTS5 ANDs phrases side by side, not a group in parentheses
		// (see wordTerm): that needs the operator.
		return strings.Join(terms, " AND ")
	}
	return strings.Join(terms, " ")
}

// searchWords splits s into words as the index does (see isWordRune):
// the only characters that reach the FTS5 query, so quoting them is
// always safe.
func searchWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

// Search bounds. FTS5's cost grows faster than linearly with the number of
// prefix terms (8,000 one-letter words took 3 s, 16,000 took 20 s), so a
// query is kept to what a person types into a search box.
const (
	MaxSearchChars = 200
	MaxSearchTerms = 10
)

// CheckSearch returns a message when q is longer or has more words than a
// search allows, and "" when it may run.
func CheckSearch(q string) string {
	if utf8.RuneCountInString(q) > MaxSearchChars {
		return fmt.Sprintf("Search for at most %d characters.", MaxSearchChars)
	}
	if len(searchWords(q)) > MaxSearchTerms {
		return fmt.Sprintf("Search for at most %d words at a time.", MaxSearchTerms)
	}
	return ""
}
