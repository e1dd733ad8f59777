package journal

import (
	"strings"
	"testing"
)

func TestCheckLine(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{"Dana Scully", true},
		{"Café – “quoted” 日本", true},
		{"", true},
		{"nul\x00here", false},
		{"snippet \x02marker\x03", false},
		{"bad \xff byte", false},
		{"tab\there", false},
		{"two\nlines", false},
		{"del\x7f", false},
		{"c1\u0085", false},
	} {
		if got := CheckLine(tt.in) == ""; got != tt.ok {
			t.Errorf("CheckLine(%q) ok = %v, want %v", tt.in, got, tt.ok)
		}
	}
}

// TestFieldsRefuseControlCharacters checks every one-line field that takes
// a user's text.
func TestFieldsRefuseControlCharacters(t *testing.T) {
	const bad = "x\x00y"
	check := func(name string, err error, field string) {
		t.Helper()
		if msg := FieldErrors(err)[field]; !strings.Contains(msg, "control character") {
			t.Errorf("%s: field %q message %q, want the control-character message", name, field, msg)
		}
	}
	b := BossInput{Name: bad, Relation: "manager"}
	check("boss name", b.Validate(), "name")
	b = BossInput{Name: "Dana", Role: "VP\x02", Relation: "manager"}
	check("boss role", b.Validate(), "role")
	pr := PriorityInput{Text: "Ship \x03it"}
	check("priority", pr.Validate(), "text")
	f := FollowUpInput{Text: bad, Owner: "me"}
	check("follow-up", f.Validate(), "text")
	e := EntryInput{NewBossName: bad, OccurredOn: "2026-11-02", Kind: "email", Summary: "s", Practices: []string{"team"}}
	check("new boss", e.Validate("2026-11-27"), "new_boss_name")
	p := ProfileUpdate{DisplayName: "Ann\x00", TimeZone: "UTC"}
	check("display name", p.Validate(), "display_name")
	s := Signup{Email: "ann@example.com", Password: "correct horse battery", DisplayName: "Ann\x1b", TimeZone: "UTC"}
	check("signup name", s.Validate(), "display_name")
	b = BossInput{Name: "bad \xff", Relation: "manager"}
	if msg := FieldErrors(b.Validate())["name"]; !strings.Contains(msg, "UTF-8") {
		t.Errorf("invalid UTF-8 boss name: %q", msg)
	}
}
