package i18n

import (
	"path"
	"strings"
	"testing"
	"unicode"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// glossaryAvoids reads the glossary comment block at the top of a
// translation file ("# --- Glossar…", "# --- Glosario…", one "#   english = word ≠ avoided,
// …" line per notion) and returns the avoided words and phrases, in
// lower case. ok is false when the file has no glossary.
func glossaryAvoids(file string) (avoid []string, ok bool) {
	in := false
	for _, line := range strings.Split(file, "\n") {
		switch {
		case strings.HasPrefix(line, "# --- Glos"):
			in, ok = true, true
		case in && !strings.HasPrefix(line, "#"):
			return avoid, ok
		case in && strings.HasPrefix(line, "#   "):
			_, avoided, found := strings.Cut(line, "≠")
			if !found {
				continue
			}
			for _, w := range strings.Split(avoided, ",") {
				if w = strings.ToLower(strings.Join(words(w), " ")); w != "" {
					avoid = append(avoid, w)
				}
			}
		}
	}
	return avoid, ok
}

// words splits text into its words: runs of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// messageForms lists every text of a message: its one form, or each of
// its plural forms.
func messageForms(m *goi18n.Message) []string {
	var out []string
	for _, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// TestCatalogsKeepTheirGlossary: each translation's glossary names one
// word per notion of the product (practice, follow-up, 1:1 …), and no
// message uses a word the glossary lists as avoided, so pages written by
// different hands call the same thing by the same name.
func TestCatalogsKeepTheirGlossary(t *testing.T) {
	for tag, mf := range messageFiles(t) {
		if tag == Source.String() {
			continue
		}
		buf, err := files.ReadFile("locales/" + path.Base(mf.Path))
		if err != nil {
			t.Fatal(err)
		}
		avoid, ok := glossaryAvoids(string(buf))
		if !ok || len(avoid) == 0 {
			t.Errorf("%s: no glossary with avoided words under the header comment", tag)
			continue
		}
		for _, m := range mf.Messages {
			for _, text := range messageForms(m) {
				padded := " " + strings.ToLower(strings.Join(words(text), " ")) + " "
				for _, w := range avoid {
					if strings.Contains(padded, " "+w+" ") {
						t.Errorf("%s %s says %q, which the glossary avoids: %q", tag, m.ID, w, text)
					}
				}
			}
		}
	}
}
