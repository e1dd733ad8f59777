package journal

import (
	"strings"
	"testing"
)

func TestBossInputValidate(t *testing.T) {
	tests := []struct {
		name     string
		in       BossInput
		problems []string // fields with a message
		want     BossInput
	}{
		{"trimmed, relation defaults to manager", BossInput{Name: "  Dana  ", Role: " VP "}, nil, BossInput{Name: "Dana", Relation: "manager", Role: "VP"}},
		{"empty name", BossInput{Name: "   ", Relation: "board"}, []string{"name"}, BossInput{Relation: "board"}},
		{"long name and role", BossInput{Name: strings.Repeat("n", MaxNameChars+1), Relation: "other", Role: strings.Repeat("r", MaxNameChars+1)},
			[]string{"name", "role"}, BossInput{Name: strings.Repeat("n", MaxNameChars+1), Relation: "other", Role: strings.Repeat("r", MaxNameChars+1)}},
		{"unknown relation", BossInput{Name: "Dana", Relation: "uncle"}, []string{"relation"}, BossInput{Name: "Dana", Relation: "uncle"}},
		{"longest name counts runes", BossInput{Name: strings.Repeat("é", MaxNameChars), Relation: "executive"}, nil,
			BossInput{Name: strings.Repeat("é", MaxNameChars), Relation: "executive"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			checkFields(t, in.Validate(), tt.problems)
			if in != tt.want {
				t.Errorf("normalised to %+v, want %+v", in, tt.want)
			}
		})
	}
}

func TestOptionLabel(t *testing.T) {
	tests := []struct {
		opts        []Option
		value, want string
	}{
		{Relations, "skip_level", "Skip-level manager"},
		{Owners, "boss", "My boss"},
		{Kinds, "one_on_one", "1:1"},
		{Kinds, "séance", "séance"}, // unknown values show as they are
	}
	for _, tt := range tests {
		if got := OptionLabel(tt.opts, tt.value); got != tt.want {
			t.Errorf("OptionLabel(%q) = %q, want %q", tt.value, got, tt.want)
		}
	}
}
