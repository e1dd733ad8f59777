package web

import (
	"context"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

// TestTextEscapesWhatATextNodeNeeds: text writes a message without
// templ's escaping of quotes, so it must still escape &, < and > in what
// it is given, or a value from a user would reach the page as markup.
func TestTextEscapesWhatATextNodeNeeds(t *testing.T) {
	var b strings.Builder
	rate := `<script>alert("x")</script> & 'more'`
	if err := text("week.boss_due", map[string]any{"Rate": rate}).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if strings.Contains(got, "<script>") {
		t.Errorf("text wrote markup from its data: %s", got)
	}
	if !strings.Contains(got, `&lt;script&gt;alert("x")&lt;/script&gt; &amp; 'more'`) {
		t.Errorf("text = %s, want the data escaped for a text node, quotes as written", got)
	}
}

// TestSwitchURL: a language switch link carries lang and keeps next, the
// query written as url.Values writes it, in one allocation, two with
// next (url.Values' map and sorted encoding made 3 and 7).
func TestSwitchURL(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		next, tag string
		want      templ.SafeURL
		allocs    float64
	}{
		{"", "de", "/login?lang=de", 1},
		{"/", "fr", "/login?lang=fr", 1},
		{"/entries?q=a b&x=1", "es", "/login?lang=es&next=%2Fentries%3Fq%3Da+b%26x%3D1", 2},
	} {
		if got := switchURL(ctx, "/login", c.next, c.tag); got != c.want {
			t.Errorf("next %q, lang %s: %q, want %q", c.next, c.tag, got, c.want)
		}
		if n := testing.AllocsPerRun(100, func() { switchURL(ctx, "/login", c.next, c.tag) }); n > c.allocs {
			t.Errorf("next %q: %.0f allocations, want at most %.0f", c.next, n, c.allocs)
		}
	}
}
