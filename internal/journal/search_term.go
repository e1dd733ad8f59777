package journal

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The search index stems words (Porter, whatever their language: see
// languageForms), and every word in it belongs to one user: it starts
// with that user's scope (see ScopeWords). A term therefore lists one
// user's documents only, and whatever a search or an edit does with a term
// costs what that user's own entries hold, whoever else shares the file.
// These are the shapes of a term a typed word becomes.
const (
	minPrefixTerm = 2 // shorter words match whole words only
	maxPrefixTerm = 4 // longer words match by their stem
)

// wordTerm is the FTS5 term for one typed word of the user whose scope is
// given, searching in lang (see searchLanguage). In English a short word
// is a prefix ("bud" finds "budget"): FTS5 reads the few terms of the
// user's that start with it. A longer word matches its stem ("meeting"
// finds "meetings" and "meet"). In German, Spanish and French every word
// is a prefix of its forms (see languageForms), any of which matches.
func wordTerm(scope, lang, w string) string {
	n := utf8.RuneCountInString(w)
	if lang == "" || n < minPrefixTerm {
		if n >= minPrefixTerm && n <= maxPrefixTerm {
			return `"` + scope + w + `"*`
		}
		return `"` + scope + w + `"`
	}
	forms := languageForms(lang, w)
	for i, f := range forms {
		forms[i] = `"` + scope + f + `"*`
	}
	if len(forms) == 1 {
		return forms[0]
	}
	return "(" + strings.Join(forms, " OR ") + ")"
}

// searchScope is what starts each of a user's words in the index: "w", the
// user's id, "x". The "x" ends the id, so no user's scope starts another's
// ("w1x" is not the start of "w12x"); the letters are consonants, so the
// Porter stemmer measures a scoped word as it measures the word.
func searchScope(userID int64) string { return "w" + strconv.FormatInt(userID, 10) + "x" }

// isWordRune reports whether the index's tokenizer (unicode61, accents
// removed) keeps r inside a word: letters, numbers, private-use
// characters and combining marks. Every other character ends a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.In(r, unicode.Co, unicode.Mn)
}

// ScopeWords returns text with the user's scope in front of each word: the
// text the index is given for a document of that user's (the view
// entry_search_source calls it as the SQL function scoped_words). It must
// not change while an index built with it exists: removing a document
// from the index gives it the same text again, which has to tokenize as
// before.
func ScopeWords(userID int64, text string) string {
	scope := searchScope(userID)
	var sb strings.Builder
	sb.Grow(len(text) + len(text)/4)
	inWord := false
	for _, r := range text {
		w := isWordRune(r)
		if w && !inWord {
			sb.WriteString(scope)
		}
		inWord = w
		sb.WriteRune(r)
	}
	return sb.String()
}
