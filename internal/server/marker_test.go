package server

import (
	"bufio"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/leadup/leadup/internal/i18n"
)

// The marker check: a user whose language is i18n.Marker reads every
// message of the catalog wrapped in ⟦…⟧. What they type is wrapped in
// ⟪…⟫ (mine), so it is told apart from the catalog's words and from
// words the code wrote itself. Anything else a page, mail or Markdown
// draft shows with a letter in it did not come from the catalog.

// mineOpen and mineClose wrap what the marker test's user types.
const (
	mineOpen  = "⟪"
	mineClose = "⟫"
)

// mine is text the user typed, marked as theirs.
func mine(s string) string { return mineOpen + s + mineClose }

// visibleAttrs are the attributes a reader sees or hears: tooltips,
// placeholders, labels for screen readers, the text of an image, and the
// confirmation app.js shows. A button input's value is its label (see
// buttonValue).
var visibleAttrs = []string{"placeholder", "title", "aria-label", "alt", "data-confirm"}

// dataPatterns are what pages show that is data, not words: addresses,
// links, request ids, API tokens, ISO week labels (2026-W48), the box of
// a done item in a Markdown task list ("- [x]"), which is syntax, and the
// names of file formats and files (JSON, CSV, Markdown, openapi.json),
// which every language writes as they are.
var dataPatterns = regexp.MustCompile(`[\w.+-]+@[\w-]+(\.[\w-]+)+|(https?|webcal)://\S+|lu_[A-Za-z0-9_-]+|[\w.-]+/[\w]+-\d{6}|\b\d{4}-W\d{2}\b|^- \[x\]|\b(JSON|CSV|Markdown)\b|\b[\w-]+\.(json|md|csv|ics)\b`)

// brand is leadup's name, which no language translates.
const brand = "leadup"

// markScan finds the bare text of a page: what lies outside both pairs of
// marks. A message may hold markup (a link in a sentence), so its marks
// can open in one text node and close in a later one: depth carries over.
type markScan struct{ depth int }

// bare returns the runs of s outside every mark that hold a letter, the
// data and the brand taken out, with spaces collapsed.
func (m *markScan) bare(s string) []string {
	var out []string
	var run strings.Builder
	flush := func() {
		if r := tidyBare(run.String()); r != "" {
			out = append(out, r)
		}
		run.Reset()
	}
	for _, r := range s {
		switch string(r) {
		case i18n.MarkOpen, mineOpen:
			if m.depth == 0 {
				flush()
			}
			m.depth++
			continue
		case i18n.MarkClose, mineClose:
			if m.depth > 0 {
				m.depth--
			}
			continue
		}
		if m.depth == 0 {
			run.WriteRune(r)
		}
	}
	flush()
	return out
}

// tidyBare collapses s's spaces and takes out data and the brand; it
// returns "" when what is left has no letter (digits, punctuation,
// arrows).
func tidyBare(s string) string {
	s = dataPatterns.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(s), " ")
	if !strings.ContainsFunc(strings.ReplaceAll(s, brand, ""), unicode.IsLetter) {
		return ""
	}
	return s
}

// bareInHTML returns every piece of text a reader of the page sees or
// hears that is outside the marks: text nodes and visible attributes,
// the <title> among them; not scripts, styles, code (a header, a path,
// a request id: typed as they are in every language), or an element
// inside the page that says it is in another language (the language
// switch's names). A page whose <html> is in another language is all
// bare.
func bareInHTML(t *testing.T, body string) []string {
	t.Helper()
	doc, err := html.ParseWithOptions(strings.NewReader(body), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out []string
	text := &markScan{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			out = append(out, text.bare(n.Data)...)
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Code, atom.Kbd, atom.Samp:
				return // code, or what is typed or printed as it is
			}
			if l := attr(n, "lang"); l != "" && l != i18n.Marker && n.DataAtom != atom.Html {
				return
			}
			if attr(n, "class") == "snippet" {
				return // an excerpt of what the user typed, cut where it matches: its marks may be cut off
			}
			for _, a := range n.Attr {
				if slices.Contains(visibleAttrs, a.Key) || a.Key == "value" && buttonValue(n) {
					out = append(out, (&markScan{}).bare(a.Val)...)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// buttonValue reports whether n's value is its label.
func buttonValue(n *html.Node) bool {
	if n.DataAtom == atom.Button {
		return false // its label is its content; its value is posted
	}
	switch attr(n, "type") {
	case "submit", "button", "reset":
		return n.DataAtom == atom.Input
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// bareInText returns the bare runs of a plain text (a Markdown draft, a
// mail's text part, its subject), line by line.
func bareInText(s string) []string {
	var out []string
	m := &markScan{}
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, m.bare(sc.Text())...)
	}
	return out
}

// markerGaps collects, by page, the bare text the marker user was shown.
type markerGaps map[string][]string

// add records the bare runs of one page under its name, once each.
func (g markerGaps) add(page string, runs []string) {
	for _, r := range runs {
		if !slices.Contains(g[page], r) {
			g[page] = append(g[page], r)
		}
	}
}

// addPage records the bare text of an HTML page, and the page's language
// when it is not the marker language: a page shown outside the language
// the user chose.
func (g markerGaps) addPage(t *testing.T, page, body string) {
	t.Helper()
	g.add(page, bareInHTML(t, body))
	lang := "none"
	if m := htmlLang.FindStringSubmatch(body); m != nil {
		lang = m[1]
	}
	if lang != i18n.Marker {
		g.add(page, []string{"<html lang=" + lang + ">"})
	}
}

var htmlLang = regexp.MustCompile(`<html lang="([^"]*)"`)

// check fails for every bare run: text a page shows that did not come
// from the catalog.
func (g markerGaps) check(t *testing.T) {
	t.Helper()
	for _, page := range sortedKeys(g) {
		for _, r := range g[page] {
			t.Errorf("%s shows %q, which is not from the catalog: translate it (a t(ctx, …) message in every catalog)", page, r)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// markerNow is the marker test's clock: Friday 27 Nov 2026, in week
// 2026-W48, so dates (and what is due) are the same on every run.
var markerNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// newMarkerApp is a test app whose catalog has the marker language, with
// Ann signed up in it from the sign-up page's language switch.
func newMarkerApp(t *testing.T, edit ...func(*Config)) (*testApp, *client) {
	t.Helper()
	app := newTestApp(t, append([]func(*Config){func(c *Config) { c.Languages = i18n.MustLoadWithMarker("en") }}, edit...)...)
	app.setNow(markerNow)
	ann := app.client()
	wantStatus(t, ann.get("/signup?lang="+i18n.Marker), http.StatusOK)
	r := ann.post("/signup", map[string][]string{
		"email": {"ann@example.com"}, "password": {annPassword},
		"display_name": {mine("Ann")}, "timezone": {"Europe/Berlin"},
	})
	wantStatus(t, r, http.StatusSeeOther)
	if got := app.user("ann@example.com").Language; got != i18n.Marker {
		t.Fatalf("Ann's language is %q, want %q", got, i18n.Marker)
	}
	return app, ann
}

// TestMarkerCheckFindsBareText: the check itself sees English outside
// the marks in text, in visible attributes and in a button's value, and
// passes marked words, the user's words, data, digits and the language
// switch's names.
func TestMarkerCheckFindsBareText(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en-x-marker"><head><title>⟦Home⟧ · leadup</title><script>var x = "code";</script></head><body>
<p>⟦Saved <a href="/x">⟦here⟧</a> for you⟧ 12 · 3%</p><p>⟪Ann's words⟫ ann@example.com http://127.0.0.1:1/cal/a.ics</p>
<nav><a lang="de" href="?lang=de">Deutsch</a></nav><input type="submit" value="Send"><input name="q" value="typed">
<button value="x" title="Close">⟦Go⟧</button><p>⟦Send⟧ <code>Authorization: Bearer</code></p><img alt="A chart"><p>Bare words</p><p>⟦one⟧ and ⟦two⟧</p></body></html>`
	got := bareInHTML(t, page)
	want := []string{"Send", "Close", "A chart", "Bare words", "and"}
	if !slices.Equal(got, want) {
		t.Errorf("bare text %q, want %q", got, want)
	}
	if got := bareInHTML(t, `<html lang="en"><body><p>Not Found</p></body></html>`); !slices.Equal(got, []string{"Not Found"}) {
		t.Errorf("an English page's bare text %q, want all of it", got)
	}
	if got := bareInText("# ⟦Week⟧ 2026-W48\n- ⟪Shipped⟫ (Results)\n"); !slices.Equal(got, []string{"(Results)"}) {
		t.Errorf("bare Markdown %q", got)
	}
}
