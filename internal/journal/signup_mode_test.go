package journal

import "testing"

func TestSignupAdmits(t *testing.T) {
	tests := []struct {
		mode     string
		accounts int
		want     bool
	}{
		{SignupFirst, 0, true},
		{SignupFirst, 1, false},
		{SignupOpen, 5, true},
		{SignupClosed, 0, false},
		{SignupOperator, 5, true},
		{"", 0, false},
	}
	for _, tt := range tests {
		if got := SignupAdmits(tt.mode, tt.accounts); got != tt.want {
			t.Errorf("SignupAdmits(%q, %d) = %v, want %v", tt.mode, tt.accounts, got, tt.want)
		}
	}
	if got := ErrorCode(SignupRefused(SignupFirst)); got != EFORBIDDEN {
		t.Errorf("SignupRefused code = %q, want %q", got, EFORBIDDEN)
	}
}
