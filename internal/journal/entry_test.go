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
		{"no boss", func(e *EntryInput) { e.BossID = 0 }, "boss_id"},
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
		{"no practice", func(e *EntryInput) { e.Practices = nil }, "practice"},
		{"unknown practice", func(e *EntryInput) { e.Practices = []string{"results", "golf"} }, "practice"},
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

func TestFollowUpInputValidate(t *testing.T) {
	tests := []struct {
		in    FollowUpInput
		field string
	}{
		{FollowUpInput{Text: "Send the plan", Owner: "me"}, ""},
		{FollowUpInput{Text: "Review it", Owner: "boss", DueOn: "2026-12-01"}, ""},
		{FollowUpInput{Text: " ", Owner: "me"}, "text"},
		{FollowUpInput{Text: "x", Owner: "them"}, "owner"},
		{FollowUpInput{Text: "x", Owner: "me", DueOn: "tomorrow"}, "due_on"},
	}
	for _, tt := range tests {
		err := tt.in.Validate()
		if got := FieldErrors(err)[tt.field]; (tt.field == "") != (err == nil) || (tt.field != "" && got == "") {
			t.Errorf("%+v: got %v, want a problem with %q", tt.in, FieldErrors(err), tt.field)
		}
	}
}

func TestFollowUpTiming(t *testing.T) {
	f := FollowUp{DueOn: "2026-11-20"}
	if !f.Overdue("2026-11-21") || f.Overdue("2026-11-20") {
		t.Error("overdue means open and past the due date")
	}
	if _, ok := f.KeptOnTime(); ok {
		t.Error("an open follow-up cannot be judged")
	}
	now := f.CreatedAt
	f.DoneAt, f.DoneOn = &now, "2026-11-20"
	if on, ok := f.KeptOnTime(); !ok || !on {
		t.Error("done on the due date is on time")
	}
	f.DoneOn = "2026-11-21"
	if on, _ := f.KeptOnTime(); on {
		t.Error("done the day after is late")
	}
}

func TestEntryFilterValidate(t *testing.T) {
	tests := []struct {
		name     string
		in       EntryFilter
		problems []string
		page     int
	}{
		{"empty is fine and starts at page 1", EntryFilter{}, nil, 1},
		{"all valid", EntryFilter{Practice: "team", BossID: 3, From: "2026-01-01", To: "2026-12-31", Page: 4}, nil, 4},
		{"unknown practice", EntryFilter{Practice: "juggling", Page: 1}, []string{"practice"}, 1},
		{"bad dates", EntryFilter{From: "yesterday", To: "2026-13-01", Page: -3}, []string{"from", "to"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.in
			got := FieldErrors(f.Validate())
			if len(got) != len(tt.problems) {
				t.Fatalf("problems %v, want on %v", got, tt.problems)
			}
			for _, field := range tt.problems {
				if got[field] == "" {
					t.Errorf("no message for %s", field)
				}
			}
			if f.Page != tt.page {
				t.Errorf("page %d, want %d", f.Page, tt.page)
			}
		})
	}
}
