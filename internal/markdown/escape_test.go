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

func TestDropHTML(t *testing.T) {
	r := New()
	tests := []struct{ in, want string }{
		{"We agreed on **scope**.", "We agreed on **scope**."},
		{"Click <img src=x onerror=alert(1)> here", "Click  here"},
		{"Before\n\n<div>\n<script>alert(1)</script>\n</div>\n\nAfter", "Before\n\n\nAfter"},
		{"Keep `<b>code</b>` as code", "Keep `<b>code</b>` as code"},
		{"A <span>tag</span> pair", "A tag pair"},
	}
	for _, tt := range tests {
		got := r.DropHTML(tt.in)
		if got != tt.want {
			t.Errorf("DropHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if html, _ := r.Render(got); strings.Contains(html, "<img") || strings.Contains(html, "<script") || strings.Contains(html, "<span") {
			t.Errorf("DropHTML(%q) still renders markup: %q", tt.in, html)
		}
	}
}
