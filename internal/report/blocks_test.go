package report

import (
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"**bold** and _it_", `\*\*bold\*\* and \_it\_`},
		{"[link](javascript:alert(1))", `\[link\](javascript:alert(1))`},
		{"<script>x</script>", `\<script\>x\</script\>`},
		{"# heading\n- item", `\# heading - item`},
		{"a | b ` c & d ~ e ! f \\ g", "a \\| b \\` c \\& d \\~ e \\! f \\\\ g"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWeeklyUpdateDecisionsINeed(t *testing.T) {
	w, _ := journal.ParseWeek("2026-W48")
	p := &journal.Problem{Problem: "Builds *take* an hour", Options: []string{"Cache [deps]", "Split the suite"},
		Recommendation: "Cache first_then split", OccurredOn: "2026-11-23", Decision: "open"}
	md := WeeklyUpdate(Update{Summary: &journal.WeekSummary{Week: w}, Author: "Ann", Decisions: []*journal.Problem{p}, Today: "2026-11-27"})
	want := "## Decisions I need\n\n- **Builds \\*take\\* an hour** (raised Mon 23 Nov)\n  - Option 1: Cache \\[deps\\]\n  - Option 2: Split the suite\n  - I recommend: Cache first\\_then split\n"
	if !strings.Contains(md, want) {
		t.Errorf("update lacks\n%s\ngot\n%s", want, md)
	}
	if strings.Contains(md, "Nothing to report") {
		t.Error("an update with a decision to ask for says there is nothing to report")
	}
}
