package journal

import (
	"reflect"
	"strings"
	"testing"
)

func TestEntryInputValidate(t *testing.T) {
	const today = "2026-11-27"
	valid := EntryInput{BossID: 1, OccurredOn: today, Kind: "one_on_one", Summary: "Weekly 1:1", Practices: []string{"results"}}
	tests := []struct {
		name  string
		edit  func(*EntryInput)
		field string
	}{
		{"valid", func(*EntryInput) {}, ""},
		{"new boss instead of id", func(e *EntryInput) { e.BossID = 0; e.NewBossName = "Dana" }, ""},
		{"no boss", func(e *EntryInput) { e.BossID = 0 }, "boss"},
		{"long new boss name", func(e *EntryInput) { e.NewBossName = strings.Repeat("x", 101) }, "new_boss_name"},
		{"tomorrow", func(e *EntryInput) { e.OccurredOn = "2026-11-28" }, "occurred_on"},
		{"malformed date", func(e *EntryInput) { e.OccurredOn = "27/11/2026" }, "occurred_on"},
		{"impossible date", func(e *EntryInput) { e.OccurredOn = "2026-02-30" }, "occurred_on"},
		{"unknown kind", func(e *EntryInput) { e.Kind = "telepathy" }, "kind"},
		{"empty summary", func(e *EntryInput) { e.Summary = "   " }, "summary"},
		{"200 char summary", func(e *EntryInput) { e.Summary = strings.Repeat("é", 200) }, ""},
		{"201 char summary", func(e *EntryInput) { e.Summary = strings.Repeat("é", 201) }, "summary"},
		{"20000 char notes", func(e *EntryInput) { e.Notes = strings.Repeat("n", 20000) }, ""},
		{"20001 char notes", func(e *EntryInput) { e.Notes = strings.Repeat("n", 20001) }, "notes"},
		{"no practice", func(e *EntryInput) { e.Practices = nil }, "practices"},
		{"unknown practice", func(e *EntryInput) { e.Practices = []string{"results", "golf"} }, "practices"},
		{"all six", func(e *EntryInput) { e.Practices = PracticeKeys() }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid
			tt.edit(&in)
			err := in.Validate(today)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("got %v (%v), want no error", err, FieldErrors(err))
				}
				return
			}
			if FieldErrors(err)[tt.field] == "" {
				t.Fatalf("got %v, want a message for %q", FieldErrors(err), tt.field)
			}
		})
	}
}

func TestEntryInputPracticesDeduped(t *testing.T) {
	in := EntryInput{BossID: 1, OccurredOn: "2026-11-01", Kind: "email", Summary: "x", Practices: []string{"team", "results", "team"}}
	if err := in.Validate("2026-11-27"); err != nil {
		t.Fatal(err)
	}
	if want := []string{"results", "team"}; !reflect.DeepEqual(in.Practices, want) {
		t.Errorf("got %v, want %v", in.Practices, want)
	}
}
