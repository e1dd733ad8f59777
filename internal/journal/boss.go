package journal

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Relations a boss can have to the user, in display order.
var Relations = []Option{
	{Value: "manager", Label: "Manager"},
	{Value: "skip_level", Label: "Skip-level manager"},
	{Value: "executive", Label: "Executive"},
	{Value: "board", Label: "Board"},
	{Value: "stakeholder", Label: "Stakeholder"},
	{Value: "other", Label: "Other"},
}

// Option is a fixed value and its label.
type Option struct {
	Value, Label string
	// Lang is the language Label is written in when it is not the page's
	// (a language's own name in the language list), for <option lang>.
	Lang string
}

// OptionLabel returns the label of value among opts, or value itself.
func OptionLabel(opts []Option, value string) string {
	for _, o := range opts {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

func isOption(opts []Option, value string) bool {
	return slices.ContainsFunc(opts, func(o Option) bool { return o.Value == value })
}

// Boss is someone above the user.
type Boss struct {
	ID        int64
	PublicID  string
	UserID    int64
	Name      string
	Relation  string
	Role      string
	Archived  bool
	CreatedAt time.Time
	UpdatedAt time.Time
	Manual    *Manual // export and import only: nil when empty or not sent
}

// BossInput is what the boss form sends.
type BossInput struct {
	Name     string
	Relation string
	Role     string
}

// Validate trims the fields and reports every rule they break.
func (b *BossInput) Validate() error {
	b.Name = strings.TrimSpace(b.Name)
	b.Role = strings.TrimSpace(b.Role)
	b.Relation = strings.TrimSpace(b.Relation)
	if b.Relation == "" {
		b.Relation = "manager"
	}
	p := Problems{}
	p.checkText("name", b.Name, MaxNameChars, "Enter a name.", "Use at most 100 characters.")
	p.Check("name", CheckLine(b.Name))
	p.Check("role", CheckLine(b.Role))
	if !isOption(Relations, b.Relation) {
		p.Add("relation", "Choose one of the listed relations.")
	}
	if utf8.RuneCountInString(b.Role) > MaxNameChars {
		p.Add("role", "Use at most 100 characters.")
	}
	return p.Err()
}
