package journal

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The index keeps no copy of the text (see migration 00008), so the words
// around a match are cut here, from the entry's own text.
const (
	snippetWords  = 12 // words in a snippet
	snippetBefore = 4  // of which before the first match
)

// Snippet returns about snippetWords words of text around the first word a
// search for query matches, each matching word between SnippetOpen and
// SnippetClose, or "" when no word matches. It follows the index as a
// search in lang (a BCP 47 tag) reads it: accents and case fold away, a
// short word matches the words it starts, and a longer one the words that
// share its stem (in English approximated by all but its last two
// letters; in German, Spanish and French the forms of languageForms).
func Snippet(text, lang, query string) string {
	var stems []string
	lang = searchLanguage(lang)
	for _, w := range searchWords(query) {
		if lang != "" && utf8.RuneCountInString(w) >= minPrefixTerm {
			for _, f := range languageForms(lang, w) {
				stems = append(stems, fold(f))
			}
			continue
		}
		w = fold(w)
		if n := utf8.RuneCountInString(w); n > maxPrefixTerm {
			w = string([]rune(w)[:max(maxPrefixTerm, n-2)])
		}
		stems = append(stems, w)
	}
	matches := func(w string) bool {
		w = fold(w)
		for _, s := range stems {
			if strings.HasPrefix(w, s) && (utf8.RuneCountInString(s) >= minPrefixTerm || w == s) {
				return true
			}
		}
		return false
	}
	type span struct{ start, end int }
	var words []span
	first := -1
	start := -1
	for i, r := range text + " " {
		inWord := isWordRune(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			words = append(words, span{start, i})
			if first < 0 && matches(text[start:i]) {
				first = len(words) - 1
			}
			start = -1
		}
	}
	if first < 0 {
		return ""
	}
	from := max(0, first-snippetBefore)
	to := min(len(words), from+snippetWords)
	var sb strings.Builder
	if from > 0 {
		sb.WriteString("… ")
	}
	pos := words[from].start
	for _, w := range words[from:to] {
		sb.WriteString(text[pos:w.start])
		if matches(text[w.start:w.end]) {
			sb.WriteString(SnippetOpen + text[w.start:w.end] + SnippetClose)
		} else {
			sb.WriteString(text[w.start:w.end])
		}
		pos = w.end
	}
	if to < len(words) {
		sb.WriteString(" …")
	} else {
		sb.WriteString(text[pos:])
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// fold lowercases s and drops its accents, as the index's tokenizer does.
func fold(s string) string {
	var sb strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}
