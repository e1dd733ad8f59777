package journal

import (
	"testing"
)

func TestCaptureFollowUp(t *testing.T) {
	tests := []struct {
		name             string
		text, owner, due string
		wantNil          bool
		wantField        string
	}{
		{"nothing typed", "", "boss", "2026-12-01", true, ""},
		{"blank text", "   ", "me", "", true, ""},
		{"valid", "Send the deck", "me", "2026-12-01", false, ""},
		{"bad owner", "Send the deck", "them", "", true, "followup_owner"},
		{"bad date", "Send the deck", "me", "soon", true, "followup_due_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := CaptureFollowUp(tt.text, tt.owner, tt.due)
			if (in == nil) != tt.wantNil {
				t.Errorf("input %+v, want nil=%v", in, tt.wantNil)
			}
			if got := FieldErrors(err)[tt.wantField]; (tt.wantField != "") != (got != "") {
				t.Errorf("errors %v, want a problem on %q", FieldErrors(err), tt.wantField)
			}
			if tt.wantField == "" && err != nil {
				t.Errorf("unexpected error %v", err)
			}
		})
	}
}

func TestMergeProblems(t *testing.T) {
	a := Problems{"summary": "Write a summary."}.Err()
	b := Problems{"followup_text": "Too long.", "summary": "ignored second"}.Err()
	got := FieldErrors(MergeProblems(nil, a, b))
	if len(got) != 2 || got["summary"] != "Write a summary." || got["followup_text"] != "Too long." {
		t.Errorf("merged %v", got)
	}
	if MergeProblems(nil, nil) != nil {
		t.Error("no problems should merge to nil")
	}
	other := Errorf(ENOTFOUND, "gone")
	if MergeProblems(a, other) != other {
		t.Error("a non-validation error passes through")
	}
}
