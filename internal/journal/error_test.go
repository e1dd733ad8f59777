package journal

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorHelpers(t *testing.T) {
	invalid := Problems{"name": "Enter a name."}.Err()
	tests := []struct {
		name          string
		err           error
		code, message string
		fields        map[string]string
	}{
		{"nil", nil, "", "Something went wrong on our side.", nil},
		{"application error", Errorf(ENOTFOUND, "No such %s.", "boss"), ENOTFOUND, "No such boss.", nil},
		{"wrapped application error", fmt.Errorf("find: %w", Errorf(ECONFLICT, "Taken.")), ECONFLICT, "Taken.", nil},
		{"validation problems", invalid, EINVALID, "Please correct the highlighted fields.", map[string]string{"name": "Enter a name."}},
		{"internal error", errors.New("disk on fire"), EINTERNAL, "Something went wrong on our side.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ErrorCode(tt.err); got != tt.code {
				t.Errorf("ErrorCode = %q, want %q", got, tt.code)
			}
			if got := ErrorMessage(tt.err); got != tt.message {
				t.Errorf("ErrorMessage = %q, want %q", got, tt.message)
			}
			if got := FieldErrors(tt.err); fmt.Sprint(got) != fmt.Sprint(tt.fields) {
				t.Errorf("FieldErrors = %v, want %v", got, tt.fields)
			}
		})
	}
	if got := Errorf(EINVALID, "bad").Error(); got != "leadup error: code=invalid message=bad" {
		t.Errorf("Error() = %q", got)
	}
	if (Problems{}).Err() != nil {
		t.Error("no problems gave an error")
	}
	p := Problems{}
	p.Add("x", "first")
	p.Add("x", "second")
	if p["x"] != "first" {
		t.Errorf("a second message replaced the first: %q", p["x"])
	}
}
