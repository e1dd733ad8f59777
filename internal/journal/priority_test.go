package journal

import (
	"strings"
	"testing"
)

func TestPriorityInputValidate(t *testing.T) {
	tests := []struct {
		name     string
		in       PriorityInput
		wantText string
		problems []string
	}{
		{"trimmed", PriorityInput{Text: "  Cut churn  "}, "Cut churn", nil},
		{"empty", PriorityInput{Text: "   "}, "", []string{"text"}},
		{"longest", PriorityInput{Text: strings.Repeat("p", MaxPriorityChars)}, strings.Repeat("p", MaxPriorityChars), nil},
		{"too long", PriorityInput{Text: strings.Repeat("p", MaxPriorityChars+1)}, strings.Repeat("p", MaxPriorityChars+1), []string{"text"}},
		{"with a status", PriorityInput{Text: "Hire", Status: "done"}, "Hire", nil},
		{"unknown status", PriorityInput{Text: "Hire", Status: "paused"}, "Hire", []string{"status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			checkFields(t, in.Validate(), tt.problems)
			if in.Text != tt.wantText {
				t.Errorf("text %.20q, want %.20q", in.Text, tt.wantText)
			}
		})
	}
}

func TestPriorityStatusUpdateValidate(t *testing.T) {
	for _, s := range []string{"active", "done", "dropped", " done "} {
		u := PriorityStatusUpdate{Status: s}
		if err := u.Validate(); err != nil {
			t.Errorf("status %q refused: %v", s, err)
		}
	}
	u := PriorityStatusUpdate{Status: "paused"}
	if FieldErrors(u.Validate())["status"] == "" {
		t.Error("status paused accepted")
	}
}
