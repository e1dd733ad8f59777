package markdown

import (
	"strings"
	"testing"
)

func TestRenderFormats(t *testing.T) {
	r := New()
	got, err := r.Render("**Done:** shipped\n\n- one\n- two\n\n[doc](https://example.com/doc)")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<strong>Done:</strong>", "<li>one</li>", `href="https://example.com/doc"`, `rel="nofollow noreferrer noopener"`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestRenderIsInert(t *testing.T) {
	r := New()
	payloads := []string{
		"<script>alert(1)</script>",
		"<img src=x onerror=alert(1)>",
		"[x](javascript:alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"<a href=\"javascript:alert(1)\">x</a>",
		"![x](javascript:alert(1))",
		"<iframe src=\"https://evil.example\"></iframe>",
		"<svg onload=alert(1)>",
		"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
		"<div style=\"background:url(javascript:alert(1))\">x</div>",
	}
	for _, p := range payloads {
		got, err := r.Render(p)
		if err != nil {
			t.Fatal(err)
		}
		lower := strings.ToLower(got)
		for _, bad := range []string{"<script", "onerror", "onload", "javascript:", "<iframe", "<svg", "data:text", "style="} {
			if strings.Contains(lower, bad) {
				t.Errorf("Render(%q) = %q: contains %q", p, got, bad)
			}
		}
	}
}
