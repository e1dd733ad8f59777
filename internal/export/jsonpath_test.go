package export

import (
	"encoding/json"
	"errors"
	"testing"
)

// TestPathAt finds where encoding/json met a value of the wrong type, list
// indexes included, which its own error leaves out.
func TestPathAt(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"top-level field", `{"summary": 5}`, "summary"},
		{"in a list", `{"followups":[{"text":"a"},{"text":7}]}`, "followups[1].text"},
		{"a list in a list", `{"followups":[{"text":"a","n":[1,2,"x"]}]}`, "followups[0].n[2]"},
		{"an object for a list", `{"summary":"a","followups":{"x":1}}`, "followups"},
		{"after a nested object", `{"problem":{"problem":"p"},"summary":false}`, "summary"},
		{"the value itself", `"text"`, ""},
	}
	type followUp struct {
		Text string `json:"text"`
		N    []int  `json:"n"`
	}
	type entry struct {
		Summary   string            `json:"summary"`
		FollowUps []followUp        `json:"followups"`
		Problem   map[string]string `json:"problem"`
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e entry
			var typ *json.UnmarshalTypeError
			if err := json.Unmarshal([]byte(tt.raw), &e); !errors.As(err, &typ) {
				t.Fatalf("decoding gave %v, want a type error", err)
			}
			if got := pathAt([]byte(tt.raw), typ.Offset); got != tt.want {
				t.Errorf("pathAt = %q, want %q", got, tt.want)
			}
		})
	}
}
