package journal

import (
	"strings"
	"testing"
)

func TestProblemInputValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name  string
		in    ProblemInput
		field string // "" when valid
		msg   string
	}{
		{"complete", ProblemInput{Problem: "Builds are slow", Options: []string{"Cache", "", " Split "}, Recommendation: "Cache"}, "", ""},
		{"no options", ProblemInput{Problem: "Builds are slow", Options: []string{"", " "}, Recommendation: "Cache"}, "options", MsgBringOptions},
		{"no recommendation", ProblemInput{Problem: "Builds are slow", Options: []string{"Cache"}}, "options", MsgBringOptions},
		{"options without a problem", ProblemInput{Options: []string{"Cache"}, Recommendation: "Cache"}, "problem", "Say what the problem is"},
		{"long problem", ProblemInput{Problem: long(501), Options: []string{"a"}, Recommendation: "a"}, "problem", "500 characters"},
		{"problem at the limit", ProblemInput{Problem: long(500), Options: []string{long(300)}, Recommendation: long(500)}, "", ""},
		{"long option", ProblemInput{Problem: "p", Options: []string{long(301)}, Recommendation: "a"}, "options", "300 characters"},
		{"six options", ProblemInput{Problem: "p", Options: []string{"1", "2", "3", "4", "5", "6"}, Recommendation: "a"}, "options", "at most five"},
		{"long recommendation", ProblemInput{Problem: "p", Options: []string{"a"}, Recommendation: long(501)}, "recommendation", "500 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Validate("2026-11-20")
			fields := FieldErrors(err)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("got %v, want valid", fields)
				}
				for _, o := range tt.in.Options {
					if o == "" || o != strings.TrimSpace(o) {
						t.Errorf("option %q kept untrimmed or empty", o)
					}
				}
				return
			}
			if !strings.Contains(fields[tt.field], tt.msg) {
				t.Errorf("got %q for %s (all: %v), want %q", fields[tt.field], tt.field, fields, tt.msg)
			}
		})
	}
}

func TestDecisionInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    DecisionInput
		field string
	}{
		{"taken on the entry's day", DecisionInput{Decision: "taken", DecidedOn: "2026-11-20"}, ""},
		{"still open today", DecisionInput{Decision: "open", DecidedOn: "2026-11-27"}, ""},
		{"unknown decision", DecisionInput{Decision: "maybe", DecidedOn: "2026-11-21"}, "decision"},
		{"before the entry", DecisionInput{Decision: "declined", DecidedOn: "2026-11-19"}, "decided_on"},
		{"after today", DecisionInput{Decision: "changed", DecidedOn: "2026-11-28"}, "decided_on"},
		{"not a date", DecisionInput{Decision: "changed", DecidedOn: "soon"}, "decided_on"},
		{"long note", DecisionInput{Decision: "taken", DecidedOn: "2026-11-21", Note: strings.Repeat("n", 1001)}, "decision_note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOnlyField(t, tt.in.Validate("2026-11-20", "2026-11-27"), tt.field)
		})
	}
}

func TestRateWindowStart(t *testing.T) {
	tests := []struct{ end, want string }{
		{"2026-11-29", "2025-11-30"},
		{"2026-03-01", "2025-03-02"},
		{"2024-02-29", "2023-03-02"}, // Go normalises 29 Feb 2023 to 1 Mar
	}
	for _, tt := range tests {
		if got := RateWindowStart(tt.end); got != tt.want {
			t.Errorf("RateWindowStart(%s) = %s, want %s", tt.end, got, tt.want)
		}
	}
}

func TestBlocksOnTheEntry(t *testing.T) {
	base := func() EntryInput {
		return EntryInput{BossID: 1, OccurredOn: "2026-11-20", Kind: "one_on_one", Summary: "s", Practices: []string{"results"}}
	}
	in := base()
	in.Problem = &ProblemInput{Problem: "Slow builds", Options: []string{"Cache"}, Recommendation: "Cache"}
	in.Bet = &BetInput{Bet: "The cache halves build time", ReviewOn: "2026-12-20"}
	in.AddBlockPractices()
	if err := in.Validate("2026-11-27"); err != nil {
		t.Fatalf("valid blocks: %v", FieldErrors(err))
	}
	if want := []string{"results", "risk", "solutions"}; strings.Join(in.Practices, ",") != strings.Join(want, ",") {
		t.Errorf("practices %v, want %v", in.Practices, want)
	}

	empty := base()
	empty.Practices = nil
	empty.Problem, empty.Bet = &ProblemInput{Options: []string{"", ""}}, &BetInput{}
	empty.AddBlockPractices()
	fields := FieldErrors(empty.Validate("2026-11-27"))
	if !empty.Problem.Empty() || !empty.Bet.Empty() || fields["practices"] == "" || len(fields) != 1 {
		t.Errorf("empty blocks: problem %v bet %v errors %v; want both kept empty and only the practice error", empty.Problem, empty.Bet, fields)
	}

	bad := base()
	bad.Problem = &ProblemInput{Problem: "Slow builds"}
	bad.Bet = &BetInput{Bet: "b", ReviewOn: "2026-11-20"}
	fields = FieldErrors(bad.Validate("2026-11-27"))
	if fields["options"] != MsgBringOptions || fields["review_on"] == "" {
		t.Errorf("bad blocks: %v", fields)
	}
}

func TestProblemStatsAddDecision(t *testing.T) {
	var s ProblemStats
	for k, n := range map[string]int{"open": 1, "taken": 2, "changed": 3, "declined": 4, "unknown": 5} {
		s.AddDecision(k, n)
	}
	want := ProblemStats{Taken: 2, Changed: 3, Declined: 4}
	if s != want {
		t.Errorf("got %+v, want %+v", s, want)
	}
}
