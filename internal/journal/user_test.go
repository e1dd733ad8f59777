package journal

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSignupValidate(t *testing.T) {
	valid := Signup{Email: "ann@example.com", Password: "correct horse", DisplayName: "Ann", TimeZone: "Europe/Berlin"}
	tests := []struct {
		name  string
		edit  func(*Signup)
		field string
	}{
		{"valid", func(*Signup) {}, ""},
		{"empty email", func(s *Signup) { s.Email = "" }, "email"},
		{"no at", func(s *Signup) { s.Email = "ann.example.com" }, "email"},
		{"display name form", func(s *Signup) { s.Email = "Ann <ann@example.com>" }, "email"},
		{"no dot in domain", func(s *Signup) { s.Email = "ann@localhost" }, "email"},
		{"nine chars", func(s *Signup) { s.Password = "123456789" }, "password"},
		{"ten multibyte chars", func(s *Signup) { s.Password = strings.Repeat("é", 10) }, ""},
		{"too many bytes", func(s *Signup) { s.Password = strings.Repeat("a", 1025) }, "password"},
		{"exactly 1024 bytes", func(s *Signup) { s.Password = strings.Repeat("a", 1024) }, ""},
		{"no name", func(s *Signup) { s.DisplayName = "  " }, "display_name"},
		{"long name", func(s *Signup) { s.DisplayName = strings.Repeat("n", 101) }, "display_name"},
		{"unknown zone", func(s *Signup) { s.TimeZone = "Mars/Olympus" }, "timezone"},
		{"local zone", func(s *Signup) { s.TimeZone = "Local" }, "timezone"},
		{"empty zone", func(s *Signup) { s.TimeZone = "" }, "timezone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := valid
			tt.edit(&s)
			err := s.Validate()
			fields := FieldErrors(err)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			if ErrorCode(err) != EINVALID || fields[tt.field] == "" {
				t.Fatalf("got code %q fields %v, want a message for %q", ErrorCode(err), fields, tt.field)
			}
			if len(fields) != 1 {
				t.Errorf("got problems %v, want only %q", fields, tt.field)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	if got, want := NormalizeEmail("  Ann@Example.COM "), "ann@example.com"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestProfileUpdateValidate(t *testing.T) {
	tests := []struct {
		name     string
		in       ProfileUpdate
		problems []string
	}{
		{"fine, trimmed", ProfileUpdate{DisplayName: " Ann ", TimeZone: " Europe/Berlin "}, nil},
		{"empty name", ProfileUpdate{DisplayName: " ", TimeZone: "UTC"}, []string{"display_name"}},
		{"unknown zone", ProfileUpdate{DisplayName: "Ann", TimeZone: "Mars/Olympus"}, []string{"timezone"}},
		{"offered language", ProfileUpdate{DisplayName: "Ann", TimeZone: "Europe/Berlin", Language: "de", Offered: offered{"de", "en"}}, nil},
		{"the server's default", ProfileUpdate{DisplayName: "Ann", TimeZone: "Europe/Berlin", Offered: offered{"de", "en"}}, nil},
		{"unoffered language", ProfileUpdate{DisplayName: "Ann", TimeZone: "UTC", Language: "pt", Offered: offered{"de", "en"}}, []string{"language"}},
		{"a tag in another case", ProfileUpdate{DisplayName: "Ann", TimeZone: "UTC", Language: "DE", Offered: offered{"de", "en"}}, []string{"language"}},
		{"no languages offered", ProfileUpdate{DisplayName: "Ann", TimeZone: "UTC", Language: "de"}, []string{"language"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			checkFields(t, in.Validate(), tt.problems)
			if tt.problems == nil && (in.DisplayName != "Ann" || in.TimeZone != "Europe/Berlin") {
				t.Errorf("not trimmed: %+v", in)
			}
		})
	}
}

// offered is a set of languages, as the server's catalog offers them.
type offered []string

func (o offered) Has(tag string) bool { return slices.Contains(o, tag) }

func TestUserLocation(t *testing.T) {
	if got := (&User{TimeZone: "Pacific/Auckland"}).Location().String(); got != "Pacific/Auckland" {
		t.Errorf("Location = %s", got)
	}
	if got := (&User{TimeZone: "Nowhere/Atall"}).Location(); got != time.UTC {
		t.Errorf("an unloadable zone gave %s, want UTC", got)
	}
}

// An account an auth proxy or OpenID provider vouches for needs no
// password, and its name and zone are filled in when missing; its email
// follows the same rules as anyone's.
func TestExternalSignupValidate(t *testing.T) {
	tests := []struct {
		name             string
		in               Signup
		wantName, wantTZ string
		problem          string
	}{
		{"name from the provider", Signup{Email: " Ann@Example.com ", DisplayName: " Ann Lee ", External: true}, "Ann Lee", "UTC", ""},
		{"no name: the email's first part", Signup{Email: "ann@example.com", External: true}, "ann", "UTC", ""},
		{"unusable name: the email's first part", Signup{Email: "ann@example.com", DisplayName: "\x00bad", External: true}, "ann", "UTC", ""},
		{"zone kept", Signup{Email: "ann@example.com", TimeZone: "Europe/Berlin", External: true}, "ann", "Europe/Berlin", ""},
		{"bad email refused", Signup{Email: "not-an-email", External: true}, "not-an-email", "UTC", "email"},
		{"a password sign-up still needs one", Signup{Email: "ann@example.com", DisplayName: "Ann", TimeZone: "UTC"}, "Ann", "UTC", "password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.in
			fields := FieldErrors(s.Validate())
			if tt.problem == "" && fields != nil || tt.problem != "" && fields[tt.problem] == "" {
				t.Errorf("problems %v, want one on %q", fields, tt.problem)
			}
			if s.DisplayName != tt.wantName || s.TimeZone != tt.wantTZ {
				t.Errorf("name %q zone %q, want %q and %q", s.DisplayName, s.TimeZone, tt.wantName, tt.wantTZ)
			}
			if s.Email != NormalizeEmail(tt.in.Email) {
				t.Errorf("email %q not normalised", s.Email)
			}
		})
	}
}
