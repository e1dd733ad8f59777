package journal

import (
	"strings"
	"testing"
)

func TestValidatePriority(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"  Cut churn  ", "Cut churn", true},
		{"   ", "", false},
		{strings.Repeat("p", MaxPriorityChars), strings.Repeat("p", MaxPriorityChars), true},
		{strings.Repeat("p", MaxPriorityChars+1), strings.Repeat("p", MaxPriorityChars+1), false},
	}
	for _, tt := range tests {
		text := tt.in
		err := ValidatePriorityText(&text)
		if (err == nil) != tt.ok || text != tt.want {
			t.Errorf("ValidatePriorityText(%.20q) = %v, text %.20q; want ok=%v, %.20q", tt.in, err, text, tt.ok, tt.want)
		}
	}
	for _, s := range []string{"active", "done", "dropped"} {
		if err := ValidatePriorityStatus(s); err != nil {
			t.Errorf("status %q refused: %v", s, err)
		}
	}
	if FieldErrors(ValidatePriorityStatus("paused"))["status"] == "" {
		t.Error("status paused accepted")
	}
}
