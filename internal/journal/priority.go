package journal

import (
	"strings"
	"time"
)

// MaxPriorityChars bounds what a boss cares about, in characters.
const MaxPriorityChars = 300

// PriorityStatuses are the states of a priority.
var PriorityStatuses = []Option{
	{Value: "active", Label: "Active"},
	{Value: "done", Label: "Done"},
	{Value: "dropped", Label: "Dropped"},
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

// PriorityInput is a priority as the boss page's form or an import gives
// it: what the boss cares about, and (for an import or a change) its status.
type PriorityInput struct {
	Text   string
	Status string // "" when only the text is given, as on creation
}

// Validate normalises the input in place and reports every rule it
// breaks, like every other input's Validate.
func (in *PriorityInput) Validate() error {
	in.Text = strings.TrimSpace(in.Text)
	p := Problems{}
	p.checkText("text", in.Text, MaxPriorityChars, "Write what your boss cares about.", "Use at most 300 characters.")
	p.Check("text", CheckLine(in.Text))
	if in.Status != "" && !isOption(PriorityStatuses, in.Status) {
		p.Add("status", "Choose active, done or dropped.")
	}
	return p.Err()
}

// PriorityStatusUpdate is a change of a priority's status alone.
type PriorityStatusUpdate struct {
	Status string
}

// Validate reports a status that is not one of PriorityStatuses.
func (u *PriorityStatusUpdate) Validate() error {
	u.Status = strings.TrimSpace(u.Status)
	p := Problems{}
	if !isOption(PriorityStatuses, u.Status) {
		p.Add("status", "Choose active, done or dropped.")
	}
	return p.Err()
}
