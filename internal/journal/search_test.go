package journal

import "testing"

func TestSearchQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"budget", `"budget"`},
		{"bud", `"bud"*`},
		{"  Q4 budget ", `"Q4"* "budget"`},
		{`"launch plan" risk`, `"launch plan" "risk"*`},
		{`"unbalanced`, `"unbalanced"`},
		{"AND OR", `"AND"* "OR"*`},
		{"*", ""},
		{`""`, ""},
		{"café-crème", `"café"* "crème"`},
		{`a"b"c`, `"a" "b" "c"`},
		{"NEAR(a b)", `"NEAR"* "a" "b"`},
		{"col:value", `"col"* "value"`},
		{"été", `"été"*`},
	}
	for _, tt := range tests {
		if got := SearchQuery(tt.in); got != tt.want {
			t.Errorf("SearchQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
