package i18n

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/leadup/leadup/internal/journal"
)

// messageFiles parses every embedded translation file, by language tag.
func messageFiles(t *testing.T) map[string]*goi18n.MessageFile {
	t.Helper()
	names, err := fs.Glob(files, "locales/active.*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no translation files: %v", err)
	}
	out := map[string]*goi18n.MessageFile{}
	for _, name := range names {
		buf, err := files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		mf, err := goi18n.ParseMessageFileBytes(buf, path.Base(name), map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[mf.Tag.String()] = mf
	}
	return out
}

// isPlural reports whether a message has more forms than one.
func isPlural(m *goi18n.Message) bool {
	return m.Zero+m.One+m.Two+m.Few+m.Many != ""
}

// TestEveryLanguageHasEveryMessage is the gate against gaps: every
// language's file carries every message of the English file, no message
// English no longer has, and a plural message in every form CLDR's rules
// give that language.
func TestEveryLanguageHasEveryMessage(t *testing.T) {
	all := messageFiles(t)
	en, ok := all[Source.String()]
	if !ok {
		t.Fatal("no English file: it is the source of truth")
	}
	if len(all) < 4 {
		t.Errorf("got %d languages, want at least English, German, Spanish and French", len(all))
	}
	c := MustLoad(Source.String())
	for tag, mf := range all {
		if tag == Source.String() {
			continue
		}
		have := map[string]*goi18n.Message{}
		for _, m := range mf.Messages {
			have[m.ID] = m
		}
		for _, want := range en.Messages {
			m, ok := have[want.ID]
			if !ok {
				t.Errorf("%s lacks %q (English: %q)", mf.Path, want.ID, want.Other)
				continue
			}
			delete(have, want.ID)
			if m.Other == "" {
				t.Errorf("%s: %q is empty", mf.Path, want.ID)
			}
			if isPlural(want) {
				checkPluralForms(t, c, mf, want.ID)
			}
		}
		for id := range have {
			t.Errorf("%s has %q, which the English file does not", mf.Path, id)
		}
	}
}

// checkPluralForms asks for message id in every CLDR plural form of the
// file's language (the counts below reach each form of en, de, es and fr,
// and most others): go-i18n reports a form the file lacks.
func checkPluralForms(t *testing.T, c *Catalog, mf *goi18n.MessageFile, id string) {
	t.Helper()
	l := goi18n.NewLocalizer(c.bundle, mf.Tag.String())
	for _, n := range []int{0, 1, 2, 3, 5, 11, 21, 22, 100, 101, 1000000} {
		if _, err := l.Localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: n}); err != nil {
			t.Errorf("%s: %q for %d: %v", mf.Path, id, n, err)
		}
	}
}

// TestLanguagesComeFromTheFiles: the catalog offers exactly the languages
// it has a file for, the default first.
func TestLanguagesComeFromTheFiles(t *testing.T) {
	var fromFiles []string
	for tag := range messageFiles(t) {
		fromFiles = append(fromFiles, tag)
	}
	slices.Sort(fromFiles)
	c := MustLoad("de")
	got := c.Tags()
	if got[0] != "de" {
		t.Errorf("first language %q, want the default de", got[0])
	}
	slices.Sort(got)
	if !slices.Equal(got, fromFiles) {
		t.Errorf("languages %v, want the files' %v", got, fromFiles)
	}
	names := map[string]string{}
	for _, l := range c.Languages() {
		names[l.Tag] = l.Name
	}
	want := map[string]string{"en": "English", "de": "Deutsch", "es": "Español", "fr": "Français"}
	for tag, name := range want {
		if names[tag] != name {
			t.Errorf("language %s is named %q, want %q", tag, names[tag], name)
		}
	}
}

func TestLoadRefusesAnUnknownDefault(t *testing.T) {
	for _, bad := range []string{"", "xx", "de-DE", "english", "pt"} {
		_, err := Load(bad)
		if err == nil {
			t.Errorf("Load(%q) passed; want an error", bad)
			continue
		}
		if !strings.Contains(err.Error(), "de, en, es, fr") {
			t.Errorf("Load(%q): %v; want the list of languages in the message", bad, err)
		}
	}
}

func TestMatchAcceptLanguage(t *testing.T) {
	c := MustLoad("en")
	cases := []struct{ name, header, want string }{
		{"German from Germany", "de-DE,de;q=0.9,en;q=0.8", "de"},
		{"Swiss German", "de-CH", "de"},
		{"Latin American Spanish", "es-419,es;q=0.9", "es"},
		{"Canadian French", "fr-CA", "fr"},
		{"British English", "en-GB", "en"},
		{"weights decide", "fr;q=0.5,es;q=0.9", "es"},
		{"unoffered language", "ja-JP", "en"},
		{"nothing asked", "", "en"},
		{"malformed", "%%%;;", "en"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.Match(tc.header); got != tc.want {
				t.Errorf("Match(%q) = %q, want %q", tc.header, got, tc.want)
			}
		})
	}
	if got := MustLoad("fr").Match("ja"); got != "fr" {
		t.Errorf("with default fr, Match(ja) = %q, want fr", got)
	}
}

func TestSaidFindsEnglishText(t *testing.T) {
	de := MustLoad("en").Localizer("de")
	if got := de.Said("Profile saved."); got != "Profil gespeichert." {
		t.Errorf("Said(Profile saved.) in German = %q", got)
	}
	if got := de.Said("Not in the catalog."); got != "Not in the catalog." {
		t.Errorf("Said of unknown text = %q, want it unchanged", got)
	}
	if got := MustLoad("en").Localizer("en").Said("Profile saved."); got != "Profile saved." {
		t.Errorf("English Said = %q", got)
	}
}

func TestLocalizerFallsBackToTheDefault(t *testing.T) {
	l := MustLoad("es").Localizer("xx")
	if l.Tag() != "es" || l.T("nav.home") != "Inicio" {
		t.Errorf("unknown language gave %s %q; want the default es", l.Tag(), l.T("nav.home"))
	}
	if got := l.T("no.such.message"); got != "no.such.message" {
		t.Errorf("a missing message gave %q, want its id", got)
	}
}

// TestEnglishPracticesMatchTheDomain: until every page takes the practice
// texts from the catalog, journal.Practices still holds the English words;
// the two must say the same.
func TestEnglishPracticesMatchTheDomain(t *testing.T) {
	en := MustLoad("en").Localizer("en")
	for _, p := range journal.Practices {
		for field, want := range map[string]string{"label": p.Label, "meaning": p.Meaning, "prompt": p.Prompt, "try": p.Try} {
			if got := en.T("practice." + p.Key + "." + field); got != want {
				t.Errorf("practice.%s.%s = %q, want journal's %q", p.Key, field, got, want)
			}
		}
	}
}

// TestSaidIsWhatTheCodeWrites: a said.* message is found by its English
// text, so that text must be the one the Go code writes, word for word:
// rewording one without the other would leave the page in English.
func TestSaidIsWhatTheCodeWrites(t *testing.T) {
	var src strings.Builder
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.HasSuffix(p, "_templ.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		src.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	code := src.String()
	c := MustLoad(Source.String())
	if len(c.said) < 10 {
		t.Fatalf("%d said messages; the English file has more", len(c.said))
	}
	for text, id := range c.said {
		if !strings.Contains(code, strconv.Quote(text)) {
			t.Errorf("%s: no Go code writes %q", id, text)
		}
	}
}

// TestRequestLookupsAllocateNothing: what every page request asks of the
// catalog (is this a language, which one fits the browser, its messages,
// the language switch) is made once at Load and shared, and still gives
// the same answers the second time.
func TestRequestLookupsAllocateNothing(t *testing.T) {
	c := MustLoad("en")
	const header = "de-DE,de;q=0.9,en;q=0.8"
	c.Match(header) // remembered from now on
	lookups := map[string]func(){
		"Has":       func() { c.Has("de") },
		"Match":     func() { c.Match(header) },
		"Localizer": func() { c.Localizer("de") },
		"Languages": func() { c.Languages() },
	}
	for name, f := range lookups {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %.0f times per call, want 0", name, n)
		}
	}
	if got := c.Match(header); got != "de" {
		t.Errorf("Match(%q) the second time = %q, want de", header, got)
	}
	if got := c.Localizer("DE").Tag(); got != "de" {
		t.Errorf("Localizer(DE) = %s, want de", got)
	}
	var names []string
	for _, l := range c.Languages() {
		names = append(names, l.Tag+"="+l.Name)
	}
	if want := "en=English de=Deutsch es=Español fr=Français"; strings.Join(names, " ") != want {
		t.Errorf("Languages() = %v, want %s", names, want)
	}
}

// TestMatchRemembersOnlyShortHeaders: a client sending long, distinct
// Accept-Language headers gets them matched but not kept, so it cannot
// make the server hold its headers.
func TestMatchRemembersOnlyShortHeaders(t *testing.T) {
	c, err := Load("en")
	if err != nil {
		t.Fatal(err)
	}
	long := "de-DE," + strings.Repeat("x-private;q=0.1,", 100)
	if got := c.Match(long); got != "de" {
		t.Errorf("Match(long header) = %q, want de", got)
	}
	if _, kept := c.matched.Load(long); kept {
		t.Errorf("Match kept a %d-byte header", len(long))
	}
	if got := c.Match("fr-CA,fr;q=0.9"); got != "fr" {
		t.Errorf("Match(fr-CA) = %q, want fr", got)
	}
	if _, kept := c.matched.Load("fr-CA,fr;q=0.9"); !kept {
		t.Error("Match did not keep a browser's short header")
	}
}

// TestFixedMessagesSkipGoI18n: a message without fields (a practice's
// name, a label) is the same text on every page, so asking for it is a
// map lookup, not a go-i18n lookup (language match, template) per call —
// a list page asks for hundreds. Its text is what go-i18n gives, in every
// language and in the marker language.
func TestFixedMessagesSkipGoI18n(t *testing.T) {
	c := MustLoadWithMarker("en")
	const id = "practice.results.label"
	without := *c.Localizer("de")
	without.l = nil // any call into go-i18n would panic
	if got, want := without.T(id), c.Localizer("de").T(id); got != want || got == "" || got == id {
		t.Errorf("T(%s) without go-i18n = %q, want %q", id, got, want)
	}
	checked := 0
	for tag, mf := range messageFiles(t) {
		l := c.Localizer(tag)
		for _, m := range mf.Messages {
			if strings.Contains(m.Other, "{{") || isPlural(m) {
				continue
			}
			want, err := goi18n.NewLocalizer(c.bundle, tag).Localize(&goi18n.LocalizeConfig{MessageID: m.ID})
			if err != nil {
				t.Fatalf("%s %s: %v", tag, m.ID, err)
			}
			if got := l.T(m.ID); got != want {
				t.Errorf("%s T(%s) = %q, want %q", tag, m.ID, got, want)
			}
			if tag == Source.String() {
				if got := c.Localizer(Marker).T(m.ID); got != MarkOpen+want+MarkClose {
					t.Errorf("marker T(%s) = %q, want it marked", m.ID, got)
				}
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("checked %d messages without fields, want the catalog's hundreds", checked)
	}
}
