package markdown

import (
	"strings"
)

// inlineSpecial are the characters that can start Markdown or HTML markup
// inside a line: emphasis, code, links and images, raw HTML and autolinks,
// tables, strikethrough, entities, and the backslash itself.
const inlineSpecial = "\\`*_[]<>!|~&"

// Text makes user text safe to embed in a Markdown document leadup writes
// (the export, the weekly update, the 1:1 agenda): it is kept on one line,
// and every character that could start markup is backslash-escaped, so
// `<img onerror=…>` or `[x](javascript:…)` reads as the literal text it was
// typed as. It is the one function every Markdown output uses for user text.
func Text(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	block := blockMarker(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		if strings.ContainsRune(inlineSpecial, r) || i == block {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// blockMarker returns 0 when s starts with '#', which would make a
// heading of a line it began (the author's name under "Thanks," does), and
// -1 otherwise. List and rule markers are left alone: they only change
// layout, and "+Send the deck" should not read "\+Send" in a pasted email.
func blockMarker(s string) int {
	if strings.HasPrefix(s, "#") {
		return 0
	}
	return -1
}
