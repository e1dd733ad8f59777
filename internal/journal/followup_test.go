package journal

import (
	"slices"
	"testing"
	"time"
)

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

// TestFollowUpOverdue: the store judges (internal/sqlite's oracle tests
// hold its columns to the rule); Overdue compares its date with today.
func TestFollowUpOverdue(t *testing.T) {
	f := FollowUp{DueOn: "2026-11-20", OverdueAfter: "2026-11-20"}
	if !f.Overdue("2026-11-21") || f.Overdue("2026-11-20") {
		t.Error("overdue means past the date the store gives")
	}
	if f := (FollowUp{DueOn: "2026-11-20"}); f.Overdue("2026-11-21") {
		t.Error("a follow-up the store does not call open is never overdue")
	}
}

func TestByDue(t *testing.T) {
	done := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	fus := []*FollowUp{
		{ID: 1, DueOn: "2026-11-30"},
		{ID: 2, DueOn: "2026-11-25", DoneAt: &done},
		{ID: 3},
		{ID: 4, DueOn: "2026-11-25"},
		{ID: 5, DueOn: "2026-11-25"},
	}
	var got []int64
	for _, f := range ByDue(fus) {
		got = append(got, f.ID)
	}
	if want := []int64{4, 5, 1, 3, 2}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if fus[0].ID != 1 || fus[4].ID != 5 {
		t.Error("ByDue reordered its argument")
	}
}
