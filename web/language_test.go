package web

import (
	"context"
	"strings"
	"testing"
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
