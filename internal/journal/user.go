package journal

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Password limits. The upper bound is in bytes and keeps hashing cheap to
// refuse; passwords are never truncated.
const (
	MinPasswordChars = 10
	MaxPasswordBytes = 1024
	MaxNameChars     = 100
	MaxEmailBytes    = 254
)

// User is an account. Email is stored lower-cased, so it is unique without
// regard to case.
type User struct {
	ID           int64
	PublicID     string
	Email        string
	PasswordHash string
	DisplayName  string
	TimeZone     string
	// Language is the BCP 47 tag of the language leadup's pages are shown
	// in ("de"), one of the server's; "" follows the server's default.
	Language  string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Location returns the user's time zone, UTC if it cannot be loaded.
func (u *User) Location() *time.Location {
	loc, err := LoadZone(u.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Signup is what a new account is made from: the sign-up form, a mailed
// sign-up link, the operator's `leadup user add`, or (with External set)
// an auth proxy or OpenID provider that vouches for the person.
type Signup struct {
	Email       string
	Password    string
	DisplayName string
	TimeZone    string
	Language    string // see User.Language; the front end matches it to the browser's

	// External is set for an account whose owner signs in through an auth
	// proxy or an OpenID provider: it has no password of its own, so none
	// is checked, and a missing or unusable name becomes the email's first
	// part and the zone UTC, for the owner to change in settings.
	External bool

	// PasswordLater is set for the first form of a sign-up by mail: the
	// password is asked for on the page the mailed link opens, once the
	// mailbox is proven, so it is not checked here.
	PasswordLater bool
}

// Validate normalises the fields in place (trimmed, the email lower-cased,
// and an external account's gaps filled), then reports every rule broken.
// It is the one set of rules for every way an account is made.
func (s *Signup) Validate() error {
	s.Email = NormalizeEmail(s.Email)
	s.DisplayName = strings.TrimSpace(s.DisplayName)
	s.TimeZone = strings.TrimSpace(s.TimeZone)
	if s.External {
		if CheckDisplayName(s.DisplayName) != "" {
			s.DisplayName, _, _ = strings.Cut(s.Email, "@")
		}
		if s.TimeZone == "" {
			s.TimeZone = "UTC"
		}
	}
	p := Problems{}
	p.Check("email", CheckEmail(s.Email))
	if msg := CheckPassword(s.Password); msg != "" && !s.External && !s.PasswordLater {
		p.Add("password", msg)
	}
	checkProfile(p, s.DisplayName, s.TimeZone)
	return p.Err()
}

// ProfileUpdate changes the display name, time zone and language.
type ProfileUpdate struct {
	DisplayName string
	TimeZone    string
	Language    string // see User.Language
	// Offered are the languages the server has; Language must be one of
	// them, or "" to follow the server's default.
	Offered Languages
}

// Languages is the set of languages the server offers pages in.
type Languages interface {
	Has(tag string) bool
}

// Validate reports every field that breaks a rule.
func (u *ProfileUpdate) Validate() error {
	u.DisplayName = strings.TrimSpace(u.DisplayName)
	u.TimeZone = strings.TrimSpace(u.TimeZone)
	p := Problems{}
	checkProfile(p, u.DisplayName, u.TimeZone)
	p.Check("language", CheckLanguage(u.Language, u.Offered))
	return p.Err()
}

// CheckLanguage returns a message when tag is neither "" (the server's
// default) nor one of offered.
func CheckLanguage(tag string, offered Languages) string {
	if tag == "" || offered != nil && offered.Has(tag) {
		return ""
	}
	return "Choose one of the languages in the list."
}

// checkProfile checks what signing up and editing the profile share.
func checkProfile(p Problems, displayName, timeZone string) {
	p.Check("display_name", CheckDisplayName(displayName))
	p.Check("timezone", CheckTimeZone(timeZone))
}

// NormalizeEmail trims and lower-cases an email address.
func NormalizeEmail(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

// CheckEmail returns a message when s is not a plain email address.
func CheckEmail(s string) string {
	if s == "" {
		return "Enter your email address."
	}
	if len(s) > MaxEmailBytes {
		return "That email address is too long."
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || addr.Name != "" || !strings.Contains(s[strings.LastIndexByte(s, '@'):], ".") {
		return "Enter an email address like name@example.com."
	}
	return ""
}

// CheckPassword returns a message when s is too short, too long, or one
// of the most common passwords.
func CheckPassword(s string) string {
	if utf8.RuneCountInString(s) < MinPasswordChars {
		return "Use at least 10 characters."
	}
	if len(s) > MaxPasswordBytes {
		return "Use at most 1024 bytes."
	}
	if IsCommonPassword(s) {
		return "That is one of the most common passwords, among the first anyone guessing would try. Choose another: a few unrelated words make a strong one."
	}
	return ""
}

// CheckDisplayName returns a message when s is empty or too long.
func CheckDisplayName(s string) string {
	if s == "" {
		return "Enter the name leadup should call you."
	}
	if utf8.RuneCountInString(s) > MaxNameChars {
		return "Use at most 100 characters."
	}
	return CheckLine(s)
}

// CheckTimeZone returns a message when s is not an IANA time zone name.
func CheckTimeZone(s string) string {
	if _, err := LoadZone(s); err != nil {
		return "Choose a time zone such as Europe/Berlin or America/New_York."
	}
	return ""
}

// LoadZone loads an IANA zone by name. Unlike time.LoadLocation it refuses
// "" and "Local", which would silently mean the server's zone.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, Errorf(EINVALID, "unknown time zone %q", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, Errorf(EINVALID, "unknown time zone %q", name)
	}
	return loc, nil
}
