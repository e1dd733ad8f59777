package markdown

import (
	"strings"
	"testing"
)

func TestTextRendersAsLiteral(t *testing.T) {
	r := New()
	for _, in := range []string{
		`<img src=x onerror=alert(1)>`,
		`[click me](javascript:alert(1))`,
		`![pic](/track.png)`,
		`**bold** _it_ ~~gone~~ ` + "`code`",
		`<https://evil.example>`,
		`a | b | c`,
		`&lt;script&gt;`,
		`back\slash`,
		`# heading`,
		`> quote`,
		"two\nlines\tand tabs",
	} {
		esc := Text(in)
		if strings.ContainsAny(esc, "\n\t") {
			t.Errorf("Text(%q) = %q spans lines", in, esc)
		}
		html, err := r.Render(esc)
		if err != nil {
			t.Fatal(err)
		}
		// Rendered, the escaped text must be one paragraph of plain text
		// saying exactly what was typed.
		want := "<p>" + htmlText(strings.Join(strings.Fields(in), " ")) + "</p>\n"
		if html != want {
			t.Errorf("Text(%q) = %q renders as %q, want %q", in, esc, html, want)
		}
	}
	if got := Text("Dana Scully, VP of Sales 2026"); got != "Dana Scully, VP of Sales 2026" {
		t.Errorf("plain text changed: %q", got)
	}
}

func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}
