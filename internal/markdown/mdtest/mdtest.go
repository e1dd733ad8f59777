// Package mdtest reads Markdown as an outside reader would, for tests: it
// renders with goldmark with raw HTML passed through (html.WithUnsafe(),
// as cmark --unsafe, commonmark.js and markdown-it with html: true do),
// parses the HTML with golang.org/x/net/html, and reports anything that
// is more than formatted text. Only tests import it.
package mdtest

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// Hostile is a corpus of notes that have been used, or could be, to get
// live markup out of a Markdown download.
var Hostile = []string{
	`<scr<!-- -->ipt>alert(1)</script>`,
	`<im<!---->g src=x onerror=alert(1)>`,
	"<script>alert(1)</script>",
	"Inline <img src=x onerror=alert(1)> tag.",
	"<!-- x -->\n<scr<!-- -->ipt>alert(1)</script>",
	"<div>\n[block link](javascript:alert(1))\n</div>",
	"[x](javascript:alert(1))",
	"[x](JaVaScRiPt:alert(1))",
	"[x](&#106;avascript:alert(1))",
	"[x](java&#9;script:alert(1))",
	"[x](<javascript:alert(1)>)",
	"[x](javascript&colon;alert(1))",
	"[x](vbscript:msgbox(1))",
	"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
	"<javascript:alert(1)>",
	"![x](javascript:alert(1))",
	"[x][r]\n\n[r]: javascript:alert(1)",
	"[x]: javascript:alert(1)",
	"<a title=\"`\">`<img src=x onerror=alert(1)>`",
	"| a | b |\n|---|---|\n| `x | <img src=x onerror=alert(1)> | y` |",
	"<svg><script>alert(1)</script></svg>",
	"<iframe src=javascript:alert(1)></iframe>",
	`<a href="javascript:alert(1)">x</a>`,
	"<![CDATA[<script>alert(1)</script>]]>",
	"<?php echo 1 ?>",
	"<!DOCTYPE html>",
	`\<script>alert(1)</script>`,
	`\\<img src=x onerror=alert(1)>`,
	"[<img src=x onerror=alert(1)>](https://example.com)",
	"> quoted <img src=x onerror=alert(1)>\n- listed <b onmouseover=alert(1)>x</b>",
	"```\nstill open",
	"```\n<img src=x onerror=alert(1)>\n```",
	"~~~~\n<img src=x onerror=alert(1)>",
}

// renderers are the two dialects a reader may use: CommonMark as the spec
// has it, and GitHub's (tables split cells before code spans are found).
var renderers = []goldmark.Markdown{
	goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe())),
	goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe())),
}

// safeElements are what plain Markdown makes, and the attributes each may
// carry.
var safeElements = map[string][]string{
	"html": nil, "head": nil, "body": nil,
	"p": nil, "em": nil, "strong": nil, "del": nil, "code": {"class"}, "pre": nil,
	"ul": nil, "ol": {"start"}, "li": nil, "blockquote": nil, "hr": nil, "br": nil,
	"h1": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil,
	"a": {"href", "title"}, "img": {"src", "alt", "title"},
	"table": nil, "thead": nil, "tbody": nil, "tr": nil, "th": {"align", "style"}, "td": {"align", "style"},
	"input": {"type", "checked", "disabled"}, // a GFM task-list box
}

// LiveMarkup renders md in each dialect and returns a description of every
// element outside the safe set, every attribute a safe element does not
// make, every href or src with a script scheme, and every comment: raw
// HTML that came through. An empty result means the document is inert.
func LiveMarkup(md []byte) []string {
	var found []string
	for i, r := range renderers {
		var out bytes.Buffer
		if err := r.Convert(md, &out); err != nil {
			return []string{err.Error()}
		}
		doc, err := html.Parse(bytes.NewReader(out.Bytes()))
		if err != nil {
			return []string{err.Error()}
		}
		for n := range doc.Descendants() {
			if p := problem(n); p != "" {
				found = append(found, fmt.Sprintf("%s: %s", []string{"CommonMark", "GFM"}[i], p))
			}
		}
	}
	return found
}

// Text is the text a reader sees in md rendered as CommonMark, runs of
// white space made one space.
func Text(md []byte) string {
	var out bytes.Buffer
	if err := renderers[0].Convert(md, &out); err != nil {
		return ""
	}
	doc, err := html.Parse(&out)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for n := range doc.Descendants() {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func problem(n *html.Node) string {
	switch n.Type {
	case html.CommentNode:
		return fmt.Sprintf("comment <!--%s-->", n.Data)
	case html.DoctypeNode:
		return "doctype " + n.Data
	case html.ElementNode:
	default:
		return ""
	}
	allowed, ok := safeElements[n.Data]
	if !ok {
		return fmt.Sprintf("element <%s>", n.Data)
	}
	for _, a := range n.Attr {
		switch {
		case !slices.Contains(allowed, a.Key):
			return fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val)
		case (a.Key == "href" || a.Key == "src") && scriptScheme(a.Val):
			return fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val)
		case a.Key == "style" && !strings.HasPrefix(a.Val, "text-align:"):
			return fmt.Sprintf("<%s style=%q>", n.Data, a.Val)
		case n.Data == "input" && a.Key == "type" && a.Val != "checkbox":
			return fmt.Sprintf("<input type=%q>", a.Val)
		}
	}
	return ""
}

// scriptScheme reports whether a browser would read u's scheme as one
// that runs or embeds code: it drops white space and controls anywhere,
// as the URL parser does with tabs and newlines, to be safe.
func scriptScheme(u string) bool {
	u = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, u))
	for _, s := range []string{"javascript:", "vbscript:", "data:", "file:"} {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	return false
}
