package journal

import (
	"strings"
	"testing"
)

func TestSearchQuery(t *testing.T) {
	// "~" stands for the user's scope, "w7x" (see ScopeWords).
	tests := []struct{ in, want string }{
		{"budget", `"~budget"`},
		{"bud", `"~bud"*`},
		{"  Q4 budget ", `"~Q4"* "~budget"`},
		{`"launch plan" risk`, `"~launch ~plan" "~risk"*`},
		{`"unbalanced`, `"~unbalanced"`},
		{"AND OR", `"~AND"* "~OR"*`},
		{"*", ""},
		{`""`, ""},
		{"café-crème", `"~café"* "~crème"`},
		{`a"b"c`, `"~a" "~b" "~c"`},
		{"NEAR(a b)", `"~NEAR"* "~a" "~b"`},
		{"col:value", `"~col"* "~value"`},
		{"été", `"~été"*`},
		{"x²", `"~x²"*`},
	}
	for _, tt := range tests {
		if got, want := SearchQuery(7, "en", tt.in), strings.ReplaceAll(tt.want, "~", "w7x"); got != want {
			t.Errorf("SearchQuery(7, %q) = %q, want %q", tt.in, got, want)
		}
	}
}

// TestScopeWords checks that every word the index is given starts with
// the user's scope, split where the index's tokenizer splits: accents,
// superscripts and marks stay inside a word, punctuation ends it.
func TestScopeWords(t *testing.T) {
	for in, want := range map[string]string{
		"Budget review":      "w7xBudget w7xreview",
		"café-crème, x² Q4!": "w7xcafé-w7xcrème, w7xx² w7xQ4!",
		"nai\u0308ve":        "w7xnai\u0308ve",
		"":                   "",
		" -- ":               " -- ",
	} {
		if got := ScopeWords(7, in); got != want {
			t.Errorf("ScopeWords(7, %q) = %q, want %q", in, got, want)
		}
	}
}
