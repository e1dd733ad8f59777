package markdown

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// inertPasses bounds Inert's escape-and-reparse rounds. Escaping one
// opener can change how the rest parses (a backtick the tag held may now
// open a code span, letting a tag inside what was code come out), so the
// check repeats; real notes settle in one or two rounds.
const inertPasses = 8

// Entities that stand for the characters which open a tag, an autolink or
// a link: written instead of them, the character reads as text in every
// CommonMark context where markup could start.
const (
	ltEntity      = "&lt;"
	bracketEntity = "&#91;"
)

// linkSchemes are the URL schemes a link or image in exported notes may
// keep; a destination with any other scheme (javascript:, vbscript:,
// data:, file:) is written as text.
var linkSchemes = []string{"http", "https", "mailto", "ftp"}

// Inert returns the Markdown source src, stripped of surrounding space,
// with everything a CommonMark renderer would turn into live markup
// written as text: raw HTML (inline and blocks), autolinks and links,
// images and link definitions whose URL has a scheme other than
// linkSchemes. The rest of the user's Markdown (emphasis, lists, safe
// links, code) is kept. Nothing is removed, so no markup can be rebuilt
// from what was around it. The result holds for renderers with raw HTML
// on, plain CommonMark and GFM alike, and placed after a blank line in a
// longer document it leaves no code fence open.
func Inert(src string) string {
	b := []byte(strings.TrimSpace(src))
	p := inertParsers()
	for range inertPasses {
		at, ok := liveOpeners(p, b)
		if !ok {
			return string(closeFence(p.plain, escapeAll(b)))
		}
		if len(at) == 0 {
			return string(closeFence(p.plain, b))
		}
		b = escapeAt(b, at)
	}
	return string(closeFence(p.plain, escapeAll(b)))
}

// dialects are the two ways Inert reads Markdown: CommonMark as the spec
// has it, and GFM, whose tables split cells before code spans are found.
type dialects struct{ plain, gfm parser.Parser }

// inertParsers builds the parsers once; goldmark's parsers hold only
// their configuration and are safe for concurrent use.
var inertParsers = sync.OnceValue(func() dialects {
	return dialects{
		plain: goldmark.New().Parser(),
		gfm:   goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser(),
	}
})

// liveOpeners parses src as plain CommonMark and as GFM and returns the
// offsets of the '<' and '[' characters that open live markup in either.
// ok is false when such markup's opener cannot be located.
func liveOpeners(d dialects, src []byte) (at []int, ok bool) {
	ok = true
	for _, p := range []parser.Parser{d.plain, d.gfm} {
		doc := p.Parse(text.NewReader(src))
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			open := func(pos int, c byte) {
				if pos < 0 || pos >= len(src) || src[pos] != c {
					ok = false
					return
				}
				at = append(at, pos)
			}
			switch n := n.(type) {
			case *ast.HTMLBlock:
				lines := n.Lines()
				for i := range lines.Len() {
					at = appendAll(at, src, lines.At(i), '<')
				}
				if n.HasClosure() {
					at = appendAll(at, src, n.ClosureLine, '<')
				}
				return ast.WalkSkipChildren, nil
			case *ast.RawHTML:
				if n.Segments.Len() == 0 {
					ok = false
				} else {
					open(n.Segments.At(0).Start, '<')
				}
				return ast.WalkSkipChildren, nil
			case *ast.AutoLink:
				if !safeURL(n.URL(src)) {
					open(n.Pos(), '<')
				}
			case *ast.Link:
				if !safeURL(n.Destination) {
					open(n.Pos(), '[')
				}
			case *ast.Image:
				if !safeURL(n.Destination) {
					open(n.Pos()+1, '[')
				}
			case *ast.LinkReferenceDefinition:
				if !safeURL(n.Destination) {
					open(skipSpaces(src, n.Pos()), '[')
				}
			}
			return ast.WalkContinue, nil
		})
	}
	slices.Sort(at)
	return slices.Compact(at), ok
}

// appendAll appends the offset of every c within seg of src.
func appendAll(at []int, src []byte, seg text.Segment, c byte) []int {
	for i := seg.Start; i < seg.Stop && i < len(src); i++ {
		if src[i] == c {
			at = append(at, i)
		}
	}
	return at
}

func skipSpaces(src []byte, i int) int {
	for i >= 0 && i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// escapeAt writes the character at each offset (ascending) as an entity.
func escapeAt(src []byte, at []int) []byte {
	var out bytes.Buffer
	out.Grow(len(src) + 5*len(at))
	prev := 0
	for _, i := range at {
		out.Write(src[prev:i])
		out.WriteString(entityFor(src[i]))
		prev = i + 1
	}
	out.Write(src[prev:])
	return out.Bytes()
}

// escapeAll writes every '<' and '[' as an entity: with neither left, no
// tag, autolink, link or image can start anywhere. It is the fallback when
// rounds of precise escaping do not settle.
func escapeAll(src []byte) []byte {
	var at []int
	for i, c := range src {
		if c == '<' || c == '[' {
			at = append(at, i)
		}
	}
	return escapeAt(src, at)
}

func entityFor(c byte) string {
	if c == '<' {
		return ltEntity
	}
	return bracketEntity
}

// safeURL reports whether a link destination, as written or with its
// entities and backslash escapes resolved, is relative or has one of
// linkSchemes. Tabs and newlines are dropped and leading controls trimmed
// first, as browsers do before they read a scheme.
func safeURL(dest []byte) bool {
	raw := string(dest)
	return safeScheme(raw) && safeScheme(html.UnescapeString(unescapePunct(raw)))
}

func safeScheme(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return true
	}
	return slices.Contains(linkSchemes, strings.ToLower(u[:i]))
}

// unescapePunct resolves CommonMark backslash escapes.
func unescapePunct(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// closeFence appends a closing fence when src ends inside a fenced code
// block, which would otherwise run on over whatever a document puts after
// it (and a later fence line would then close it, letting what that
// line's author wrote as code come out as markup).
func closeFence(p parser.Parser, src []byte) []byte {
	probe := append(slices.Clip(src), "\n\nend"...)
	last := p.Parse(text.NewReader(probe)).LastChild()
	fence, ok := last.(*ast.FencedCodeBlock)
	if !ok {
		return src
	}
	i := skipSpaces(src, fence.Pos())
	j := i
	for j < len(src) && src[j] == src[i] && (src[i] == '`' || src[i] == '~') {
		j++
	}
	if j == i {
		return src
	}
	return append(append(slices.Clip(src), '\n'), src[i:j]...)
}
