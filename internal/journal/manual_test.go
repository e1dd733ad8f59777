package journal

import (
	"strings"
	"testing"
)

func TestManualValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    Manual
		field string // "" when valid
	}{
		{"empty is fine", Manual{}, ""},
		{"all set", Manual{Prefers: "in_person", Channel: "Slack DM", Cares: "The Q1 launch", Frustrations: "Surprises", Notes: "**Brief** first"}, ""},
		{"unknown preference", Manual{Prefers: "carrier pigeon"}, "manual_prefers"},
		{"line break in channel", Manual{Channel: "Slack\nDM"}, "manual_channel"},
		{"long cares", Manual{Cares: strings.Repeat("c", MaxManualLineChars+1)}, "manual_cares"},
		{"cares at the limit", Manual{Cares: strings.Repeat("c", MaxManualLineChars)}, ""},
		{"long notes", Manual{Notes: strings.Repeat("n", MaxManualNotesChars+1)}, "manual_notes"},
	}
	for _, tt := range tests {
		err := tt.in.Validate()
		got := ""
		for k := range FieldErrors(err) {
			got = k
		}
		if got != tt.field {
			t.Errorf("%s: field %q, want %q (%v)", tt.name, got, tt.field, err)
		}
	}
	m := Manual{Channel: "  Slack  ", Notes: "a\r\nb\x00"}
	if err := m.Validate(); err != nil || m.Channel != "Slack" || m.Notes != "a\nb" {
		t.Errorf("normalised = %+v, %v", m, err)
	}
	if !(Manual{}).Empty() || (Manual{Prefers: "either"}).Empty() {
		t.Error("Empty is wrong")
	}
	if (Manual{Prefers: "in_person"}).PrefersLabel() != "In person" {
		t.Error("label")
	}
}
