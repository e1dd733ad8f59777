package journal

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	mark := func(s string) string {
		return strings.NewReplacer("[", SnippetOpen, "]", SnippetClose).Replace(s)
	}
	long := "one two three four five six seven eight nine ten eleven twelve thirteen fourteen budget fifteen sixteen seventeen eighteen nineteen twenty"
	tests := []struct{ text, query, want string }{
		{"We cut the travel line.", "travel", "We cut the [travel] line."},
		{"We cut the travel line.", "trav", "We cut the [travel] line."},
		{"Two meetings this week.", "meeting", "Two [meetings] this week."},
		{"Le Café est fermé.", "cafe", "Le [Café] est fermé."},
		{"Le cafe est ferme.", "FERMÉ", "Le cafe est [ferme]."},
		{"Budget and budgets", `"budget plan"`, "[Budget] and [budgets]"},
		{"nothing here", "zebra", ""},
		{"a b c", "a", "[a] b c"},
		{"abc", "a", ""},
		{long, "budget", "… eleven twelve thirteen fourteen [budget] fifteen sixteen seventeen eighteen nineteen twenty"},
		{"line one\n\nline   two budget", "budget", "line one line two [budget]"},
	}
	for _, tt := range tests {
		if got := Snippet(tt.text, "", tt.query); got != mark(tt.want) {
			t.Errorf("Snippet(%q, %q) = %q, want %q", tt.text, tt.query, got, mark(tt.want))
		}
	}
}
