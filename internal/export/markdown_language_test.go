package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/i18n"
)

// TestMarkdownExportDatesInOwnersLanguage: the journal's Markdown writes
// its week headings and entry dates in the owner's language.
func TestMarkdownExportDatesInOwnersLanguage(t *testing.T) {
	u, _, _, _ := journalFixture()
	for lang, want := range map[string][]string{
		"de": {"(23.–29. Nov. 2026)", "### Di., 24. Nov. 2026: ", "(9.–15. Nov. 2026)", "### Di., 10. Nov. 2026: "},
		"fr": {"(23–29 nov. 2026)", "### mar. 24 nov. 2026: "},
		"es": {"(23–29 nov 2026)", "### mar, 24 nov 2026: "},
	} {
		var b bytes.Buffer
		w, err := NewMarkdownWriter(&b, u, "2026-11-27", i18n.MustLoad("en").Localizer(lang))
		if err != nil {
			t.Fatal(err)
		}
		writeAll(t, w)
		for _, s := range want {
			if !strings.Contains(b.String(), s) {
				t.Errorf("%s: the export does not hold %q:\n%s", lang, s, b.String())
			}
		}
		if strings.Contains(b.String(), "Nov 2026") {
			t.Errorf("%s: the export holds an English date:\n%s", lang, b.String())
		}
	}
}
