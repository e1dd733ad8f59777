package journal

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MaxPriorityChars bounds what a boss cares about, in characters.
const MaxPriorityChars = 300

// PriorityStatuses are the states of a priority.
var PriorityStatuses = []Option{
	{"active", "Active"},
	{"done", "Done"},
	{"dropped", "Dropped"},
}

// Priority is something a boss cares about.
type Priority struct {
	ID              int64
	PublicID        string
	UserID          int64
	BossID          int64
	BossPublicID    string // export and import only
	Text            string
	Status          string
	NotedOn         string // the local date it was noted
	StatusChangedAt time.Time
	CreatedAt       time.Time
}

// ValidatePriorityText trims text and checks its length.
func ValidatePriorityText(text *string) error {
	*text = strings.TrimSpace(*text)
	p := Problems{}
	switch n := utf8.RuneCountInString(*text); {
	case n == 0:
		p.Add("text", "Write what your boss cares about.")
	case n > MaxPriorityChars:
		p.Add("text", "Use at most 300 characters.")
	}
	if msg := CheckLine(*text); msg != "" {
		p.Add("text", msg)
	}
	return p.Err()
}

// ValidatePriorityStatus checks a status value.
func ValidatePriorityStatus(status string) error {
	if !isOption(PriorityStatuses, status) {
		return &Error{Code: EINVALID, Message: "Choose active, done or dropped.", Fields: map[string]string{"status": "Choose active, done or dropped."}}
	}
	return nil
}
