package journal

import "testing"

func TestFirstSight(t *testing.T) {
	tests := []struct {
		name                        string
		email                       string
		verified, exists, canSignup bool
		want                        OIDCFirstSight
	}{
		{"verified email of an account", "a@example.com", true, true, false, OIDCLink},
		{"unverified email of an account", "a@example.com", false, true, true, OIDCRefuseUnverified},
		{"new email, sign-up open", "a@example.com", false, false, true, OIDCCreate},
		{"new email, sign-up closed", "a@example.com", true, false, false, OIDCRefuseSignup},
		{"no email", "", true, true, true, OIDCRefuseNoEmail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FirstSight(tt.email, tt.verified, tt.exists, tt.canSignup); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
