// Package i18n is leadup's message catalog: every language's messages,
// loaded from the translation files embedded beside it (one file per
// language, locales/active.<tag>.toml), with CLDR plural rules and the
// matching of a browser's Accept-Language to the languages the files offer.
// English is the source of truth: every other file must carry every one of
// its messages. A translator adds a language with one file; no Go changes.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/active.*.toml
var files embed.FS

// Source is the language the catalog is written in and falls back to.
var Source = language.English

// NameID is the message every file carries with its language's name in
// that language ("Deutsch"), for the language switch.
const NameID = "language.name"

// Catalog is the loaded bundle of every language's messages.
type Catalog struct {
	tags     []language.Tag // in the order they are offered: the default first, then by tag
	matcher  language.Matcher
	fallback language.Tag

	// Made once at Load, for every request to share: the tags as Tags
	// writes them, and the Accept-Language headers already matched.
	tagNames []string
	matched  sync.Map // Accept-Language header → tag; see Match
	nMatched atomic.Int32

	// Set by the background parse (see Load), read after wait: the
	// messages, each language's localizer and the language switch.
	parsed     chan struct{} // closed when the parse is done
	done       atomic.Bool   // set just before parsed is closed
	parseErr   error
	bundle     *goi18n.Bundle
	said       map[string]string // English text → id, of the messages under saidPrefix
	patterns   []saidPattern     // the messages under saidPrefix with fields
	localizers map[string]*Localizer
	languages  []Language
	fixed      map[language.Tag]map[string]string // see fixedMessages
}

// maxMatched bounds the Accept-Language headers Match remembers: browsers
// send few distinct ones, and a client sending many new ones must not
// grow memory.
const maxMatched = 256

// maxMatchedLen bounds the length of a header Match remembers: a
// browser's is well under it, and 256 headers of a megabyte each (what
// net/http lets a client send) would be a quarter of a gigabyte kept for
// good.
const maxMatchedLen = 256

// saidPrefix marks the messages whose English text the Go code writes
// (validation messages, notices): Said finds them by that text.
const saidPrefix = "said."

// Load reads the embedded translation files. defaultLang, a BCP 47 tag
// such as "de", is the language for a visitor whose browser asks for none
// of the catalog's; it must be one of them.
//
// Load checks defaultLang against the files' names and returns; the
// messages are parsed in the background (26 ms of a cold start, before
// the database is even open), and Localizer and Languages wait for them.
// The files are embedded and this package's tests parse them all, so a
// file that does not parse is a build's defect: Localizer panics with it.
func Load(defaultLang string) (*Catalog, error) { return load(defaultLang, false) }

// load is Load, with the marker language too when withMarker is set.
func load(defaultLang string, withMarker bool) (*Catalog, error) {
	names, err := fs.Glob(files, "locales/active.*.toml")
	if err != nil {
		return nil, err
	}
	c := &Catalog{said: map[string]string{}, parsed: make(chan struct{}), fixed: map[language.Tag]map[string]string{}}
	for _, name := range names {
		t, err := language.Parse(strings.TrimSuffix(strings.TrimPrefix(path.Base(name), "active."), ".toml"))
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		c.tags = append(c.tags, t)
	}
	if withMarker {
		c.tags = append(c.tags, markerTag)
	}
	slices.SortFunc(c.tags, func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
	def, ok := c.exact(defaultLang)
	if !ok || def == markerTag {
		return nil, fmt.Errorf("%q is not one of leadup's languages (%s)", defaultLang, strings.Join(c.Tags(), ", "))
	}
	c.fallback = def
	i := slices.Index(c.tags, def)
	c.tags = append([]language.Tag{def}, slices.Delete(c.tags, i, i+1)...)
	c.matcher = language.NewMatcher(c.tags)
	c.tagNames = c.Tags()
	hold := beforeParse
	go func() {
		hold()
		c.parseErr = c.parse(names, len(c.tags)-len(names))
		c.done.Store(true)
		close(c.parsed)
	}()
	return c, nil
}

// beforeParse runs before the background parse; a test holds it.
var beforeParse = func() {}

// readFile reads one of the embedded files; a test gives a broken one.
var readFile = files.ReadFile

// parse reads the message files named, and makes each language's
// localizer and the language switch; extra is how many of c.tags are not
// files (the marker language).
func (c *Catalog) parse(names []string, extra int) error {
	c.bundle = goi18n.NewBundle(Source)
	c.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, name := range names {
		buf, err := readFile(name)
		if err != nil {
			return err
		}
		mf, err := c.bundle.ParseMessageFileBytes(buf, path.Base(name))
		if err != nil {
			return fmt.Errorf("load %s: %w", name, err)
		}
		c.fixed[mf.Tag] = fixedMessages(mf.Messages)
		if mf.Tag == Source {
			if err := c.learnSaid(mf.Messages); err != nil {
				return fmt.Errorf("load %s: %w", name, err)
			}
		}
	}
	if n := len(c.bundle.LanguageTags()); n != len(c.tags)-extra {
		return fmt.Errorf("load: %d languages in the files, %d in their names", n, len(c.tags)-extra)
	}
	c.localizers = make(map[string]*Localizer, len(c.tags))
	for _, t := range c.tags {
		c.localizers[t.String()] = c.newLocalizer(t)
	}
	for _, tag := range c.tagNames {
		c.languages = append(c.languages, Language{Tag: tag, Name: c.localizers[tag].T(NameID)})
	}
	return nil
}

// Ready waits for the messages and says whether they parsed. leadup serve
// asks before it listens, so a catalog that does not parse stops the
// start with its error rather than failing the first page.
func (c *Catalog) Ready() error {
	<-c.parsed
	return c.parseErr
}

// wait returns when the messages are parsed. Once they are it costs an
// atomic load, not the channel's lock, which every request would take.
func (c *Catalog) wait() {
	if !c.done.Load() {
		<-c.parsed
	}
	if c.parseErr != nil {
		panic(fmt.Sprintf("i18n: %v", c.parseErr))
	}
}

// MustLoad is Load for a default language known to be in the catalog; the
// catalog's own tests guard the embedded files. It returns once the
// messages are parsed.
func MustLoad(defaultLang string) *Catalog {
	c, err := Load(defaultLang)
	if err != nil {
		panic(err)
	}
	c.wait()
	return c
}

// exact returns the catalog's tag written as s ("de", "DE" or "de-DE" do
// not differ in case only: "de-DE" is not "de").
func (c *Catalog) exact(s string) (language.Tag, bool) {
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, false
	}
	for _, have := range c.tags {
		if have == t {
			return have, true
		}
	}
	return language.Und, false
}

// Tags lists the catalog's languages as BCP 47 tags, sorted; the default
// language first once loaded.
func (c *Catalog) Tags() []string {
	out := make([]string, len(c.tags))
	for i, t := range c.tags {
		out[i] = t.String()
	}
	return out
}

// Default returns the server's default language.
func (c *Catalog) Default() string { return c.fallback.String() }

// Has reports whether tag is one of the catalog's languages, written as
// Tags writes it.
func (c *Catalog) Has(tag string) bool {
	return slices.Contains(c.tagNames, tag)
}

// Match returns the catalog's language that best fits an Accept-Language
// header, or the default language when none fits.
func (c *Catalog) Match(acceptLanguage string) string {
	if tag, ok := c.matched.Load(acceptLanguage); ok {
		return tag.(string)
	}
	tag := c.match(acceptLanguage)
	if len(acceptLanguage) <= maxMatchedLen && c.nMatched.Load() < maxMatched && c.nMatched.Add(1) <= maxMatched {
		c.matched.Store(acceptLanguage, tag)
	}
	return tag
}

// match is Match without the memory of headers already matched.
func (c *Catalog) match(acceptLanguage string) string {
	wanted, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(wanted) == 0 {
		return c.fallback.String()
	}
	_, i, conf := c.matcher.Match(wanted...)
	if conf == language.No {
		return c.fallback.String()
	}
	return c.tags[i].String()
}

// Language is one of the catalog's languages, for a language switch.
type Language struct {
	Tag  string // BCP 47, as stored and posted: "de"
	Name string // in its own language: "Deutsch"
}

// Languages lists the catalog's languages, each named in itself. The
// list is shared by every caller: read it, do not change it.
func (c *Catalog) Languages() []Language {
	c.wait()
	return c.languages
}

// Localizer returns the messages of one language: tag if the catalog has
// it, else the default language. A Localizer holds no state of its own,
// so each language's one is made at Load and shared.
func (c *Catalog) Localizer(tag string) *Localizer {
	c.wait()
	if l, ok := c.localizers[tag]; ok {
		return l
	}
	t, ok := c.exact(tag)
	if !ok || c.localizers[t.String()] == nil {
		t = c.fallback
	}
	return c.localizers[t.String()]
}

func (c *Catalog) newLocalizer(t language.Tag) *Localizer {
	l := &Localizer{tag: t.String(), l: goi18n.NewLocalizer(c.bundle, t.String()), said: c.said, patterns: c.patterns, fixed: c.fixed[t]}
	if t == markerTag {
		// English, each message wrapped: the date and number patterns
		// and names too, so a date is wrapped as a whole.
		l = &Localizer{tag: Marker, l: goi18n.NewLocalizer(c.bundle, Source.String()), said: c.said, patterns: c.patterns, fixed: c.fixed[Source], marked: true}
	}
	l.locale = loadFormats(l)
	return l
}

// Localizer gives one language's messages.
type Localizer struct {
	tag      string
	l        *goi18n.Localizer
	said     map[string]string
	patterns []saidPattern
	locale   *formats          // its dates' and numbers' names and patterns
	marked   bool              // the marker language: English, each message wrapped
	fixed    map[string]string // its messages without fields; see fixedMessages
}

// fixedMessages are the messages of one file that have no fields: what
// go-i18n would give for them is their text as written, whatever the
// data, so T answers them from this map. Asking go-i18n (matching the
// language, building a template) was a tenth of the CPU of a list page,
// which asks for each entry's practice names.
func fixedMessages(msgs []*goi18n.Message) map[string]string {
	fixed := make(map[string]string, len(msgs))
	for _, m := range msgs {
		if m.Other != "" && m.LeftDelim == "" && !strings.Contains(m.Other, "{{") {
			fixed[m.ID] = m.Other
		}
	}
	return fixed
}

// Said returns a message the Go code wrote in English (a validation
// message, a notice) in this language: the catalog's message under
// "said." whose English text it is, or whose English text with fields
// ({{.Max}}) it matches, filled with what the fields matched. Text the
// catalog does not hold yet is returned as it is.
func (l *Localizer) Said(english string) string {
	id, ok := l.said[english]
	if !ok {
		if msg, ok := l.saidf(english); ok {
			return msg
		}
		return english
	}
	return l.T(id)
}

// Tag is the language's BCP 47 tag, for <html lang>.
func (l *Localizer) Tag() string { return l.tag }

// T returns the message id, filled from data (a map or struct whose fields
// the message names as {{.Name}}).
func (l *Localizer) T(id string, data ...any) string {
	if msg, ok := l.fixed[id]; ok {
		return l.mark(msg)
	}
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: first(data)})
}

// N returns the message id in the plural form CLDR's rules give n in this
// language; the message reads n as {{.Count}}, beside any field of data.
func (l *Localizer) N(id string, n int, data ...map[string]any) string {
	d := map[string]any{"Count": n}
	if len(data) > 0 {
		for k, v := range data[0] {
			d[k] = v
		}
	}
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: d})
}

// localize returns the message, or as much of it as go-i18n could give: a
// message missing in this language falls back to English (the catalog
// test keeps that from happening), one missing everywhere to its id.
func (l *Localizer) localize(lc *goi18n.LocalizeConfig) string {
	msg, err := l.l.Localize(lc)
	if msg == "" && err != nil {
		return lc.MessageID
	}
	return l.mark(msg)
}

// mark wraps msg in the marker language's marks; any other language gives
// it as it is.
func (l *Localizer) mark(msg string) string {
	if l.marked {
		return MarkOpen + msg + MarkClose
	}
	return msg
}

func first(data []any) any {
	if len(data) == 0 {
		return nil
	}
	return data[0]
}

// NDigits is N for a count that may have decimals, given as Go writes it
// ("1.5"), which picks the CLDR plural form ("1,5 jour" is singular in
// French); the message reads shown, the count as the language writes it
// (see Decimal), as {{.Count}}.
func (l *Localizer) NDigits(id, count, shown string) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: map[string]any{"Count": shown}})
}
