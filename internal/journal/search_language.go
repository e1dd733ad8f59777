package journal

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// How a search matches German, Spanish and French words.
//
// The index has one tokenizer for every user ('porter unicode61
// remove_diacritics 2', see migration 00019): it folds case and accents and
// cuts English suffixes, whatever language a word is in. English words
// longer than maxPrefixTerm are matched by their stem, as before. For the
// other languages the index is left as it is and the query does the work,
// in the searcher's language: each typed word loses its inflection
// (plural, case and gender endings, see lightStem) and becomes a prefix, so
// "Mitarbeitern" and "Mitarbeiter" both ask for every word starting with
// "mitarbeit", and "decisiones" for those starting with "decision". FTS5
// gives the prefix the Porter treatment it gave the indexed words, so the
// two meet.
//
// Because the index holds no language, a user who changes theirs needs no
// rebuild: the same index answers, with the new language's rules, for the
// entries written before the change and after it.

// searchLanguage is the language whose rules a search in tag follows: "de",
// "es" or "fr", or "" for English and every language without rules.
func searchLanguage(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch base {
	case "de", "es", "fr":
		return base
	}
	return ""
}

// minLightStem is the fewest letters lightStem leaves: shorter words keep
// their ending, so that a prefix stays specific.
const minLightStem = 4

// languageForms returns what a typed word asks the index for in the
// searcher's language lang (see searchLanguage): prefixes, each matching
// the word's other inflections. A German word also comes in its other
// spelling, umlauts and ß written out or not ("Groesse" and "Größe").
func languageForms(lang, w string) []string {
	w = strings.ToLower(w)
	spellings := []string{w}
	if lang == "de" {
		spellings = append(spellings, germanUmlauts(w), germanSpelledOut(w))
	}
	var forms []string
	for _, s := range spellings {
		s = lightStem(lang, s)
		if !slices.Contains(forms, s) {
			forms = append(forms, s)
		}
	}
	return forms
}

// lightStem removes the inflection of a lowercase word: the endings a
// plural, a case or a gender adds, not those that make another word (after
// the light stemmers of J. Savoy). Each rule is an ending and what
// replaces it; the first that leaves at least minLightStem letters wins.
func lightStem(lang, w string) string {
	var rules [][2]string
	switch lang {
	case "de":
		rules = [][2]string{{"ern", ""}, {"em", ""}, {"en", ""}, {"er", ""}, {"es", ""}, {"e", ""}}
		// A plural -s follows only these letters ("Budgets", not "Kurs").
		if len(w) > 1 && strings.HasSuffix(w, "s") && strings.IndexByte("bdfghklmnt", w[len(w)-2]) >= 0 {
			rules = append(rules, [2]string{"s", ""})
		}
	case "es":
		rules = [][2]string{{"eses", "es"}, {"ces", "z"}, {"os", ""}, {"as", ""}, {"es", ""}, {"o", ""}, {"a", ""}, {"e", ""}}
	case "fr":
		// The plural first, then a feminine -e: "décidées" → "décidé".
		w = cutEnding(w, [][2]string{{"aux", "al"}, {"s", ""}, {"x", ""}})
		rules = [][2]string{{"e", ""}}
	}
	return cutEnding(w, rules)
}

// cutEnding replaces the first of rules' endings that w has, when what is
// left has at least minLightStem letters.
func cutEnding(w string, rules [][2]string) string {
	for _, r := range rules {
		if stem, ok := strings.CutSuffix(w, r[0]); ok && utf8.RuneCountInString(stem+r[1]) >= minLightStem {
			return stem + r[1]
		}
	}
	return w
}

// germanUmlauts writes out-spelled umlauts and ß as letters: "groesse"
// becomes "größe" (the index folds ä, ö and ü to a, o and u, not ß to ss).
func germanUmlauts(w string) string {
	r := strings.NewReplacer("ae", "ä", "oe", "ö", "ss", "ß")
	w = r.Replace(w)
	// "ue" after "q" is a u and an e ("Quelle").
	var sb strings.Builder
	for i := 0; i < len(w); i++ {
		if strings.HasPrefix(w[i:], "ue") && (i == 0 || w[i-1] != 'q') {
			sb.WriteString("ü")
			i++
			continue
		}
		sb.WriteByte(w[i])
	}
	return sb.String()
}

// germanSpelledOut writes umlauts and ß out: "größe" becomes "groesse".
func germanSpelledOut(w string) string {
	return strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss").Replace(w)
}
