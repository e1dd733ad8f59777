// Package export writes a user's journal as JSON, CSV and Markdown, and
// reads the JSON back for import. The JSON format is documented in
// docs/export-format.md, with a JSON Schema beside it.
package export

import (
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// Format and Version identify the JSON export.
const (
	Format  = "leadup-export"
	Version = 1
)

// File is the JSON export, as read back for import.
type File struct {
	Format     string     `json:"format"`
	Version    int        `json:"version"`
	ExportedAt string     `json:"exported_at"`
	User       User       `json:"user"`
	Bosses     []Boss     `json:"bosses"`
	Priorities []Priority `json:"priorities"`
	Entries    []Entry    `json:"entries"`

	Schedules     []Schedule     `json:"schedules,omitempty"`
	Notifications *Notifications `json:"notifications,omitempty"`
}

// User is the account, without its password hash.
type User struct {
	ID          string `json:"id"`
	Email       string `json:"email"`
	DisplayName string `json:"display_name"`
	TimeZone    string `json:"timezone"`
	CreatedAt   string `json:"created_at"`
}

// Boss is a boss in the export.
type Boss struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Relation  string `json:"relation"`
	Role      string `json:"role"`
	Archived  bool   `json:"archived"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`

	Manual *Manual `json:"manual,omitempty"` // optional, see manual.go
}

// Priority is a priority in the export; BossID is the boss's id.
type Priority struct {
	ID              string `json:"id"`
	BossID          string `json:"boss_id"`
	Text            string `json:"text"`
	Status          string `json:"status"`
	NotedOn         string `json:"noted_on"`
	StatusChangedAt string `json:"status_changed_at"`
	CreatedAt       string `json:"created_at"`
}

// Entry is an entry in the export, with its follow-ups.
type Entry struct {
	ID         string     `json:"id"`
	BossID     string     `json:"boss_id"`
	OccurredOn string     `json:"occurred_on"`
	Kind       string     `json:"kind"`
	Summary    string     `json:"summary"`
	Notes      string     `json:"notes"`
	Practices  []string   `json:"practices"`
	PriorityID *string    `json:"priority_id"`
	CreatedAt  string     `json:"created_at"`
	UpdatedAt  string     `json:"updated_at"`
	FollowUps  []FollowUp `json:"followups"`
	Problem    *Problem   `json:"problem,omitempty"`
	Bet        *Bet       `json:"bet,omitempty"`
	Forecast   *Forecast  `json:"forecast,omitempty"`
}

// blockCodecs are the export's side of each block, in the order of
// journal.Blocks and of the members above.
var blockCodecs = []blockCodec{problemCodec, betCodec, forecastCodec}

// FollowUp is a follow-up in the export.
type FollowUp struct {
	ID        string  `json:"id"`
	Text      string  `json:"text"`
	Owner     string  `json:"owner"`
	DueOn     *string `json:"due_on"`
	DoneAt    *string `json:"done_at"`
	DoneOn    *string `json:"done_on"`
	CreatedAt string  `json:"created_at"`
	// FirstDueOn, optional, is the date first promised when the due date
	// was moved since: being on time is judged against it.
	FirstDueOn *string `json:"first_due_on,omitempty"`
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func fromBoss(b *journal.Boss) Boss {
	return Boss{ID: b.PublicID, Name: b.Name, Relation: b.Relation, Role: b.Role, Archived: b.Archived,
		CreatedAt: rfc3339(b.CreatedAt), UpdatedAt: rfc3339(b.UpdatedAt), Manual: fromManual(b.Manual)}
}

func fromPriority(p *journal.Priority) Priority {
	return Priority{ID: p.PublicID, BossID: p.BossPublicID, Text: p.Text, Status: p.Status, NotedOn: p.NotedOn,
		StatusChangedAt: rfc3339(p.StatusChangedAt), CreatedAt: rfc3339(p.CreatedAt)}
}

func fromEntry(e *journal.Entry) Entry {
	out := Entry{ID: e.PublicID, BossID: e.BossPublicID, OccurredOn: e.OccurredOn, Kind: e.Kind, Summary: e.Summary,
		Notes: e.Notes, Practices: e.Practices, PriorityID: optional(e.PriorityPublicID),
		CreatedAt: rfc3339(e.CreatedAt), UpdatedAt: rfc3339(e.UpdatedAt), FollowUps: []FollowUp{}}
	if out.Practices == nil {
		out.Practices = []string{}
	}
	for _, f := range e.FollowUps {
		fu := FollowUp{ID: f.PublicID, Text: f.Text, Owner: f.Owner, DueOn: optional(f.DueOn), DoneOn: optional(f.DoneOn), CreatedAt: rfc3339(f.CreatedAt)}
		if f.DoneAt != nil {
			fu.DoneAt = optional(rfc3339(*f.DoneAt))
		}
		if f.FirstDueOn != f.DueOn {
			fu.FirstDueOn = optional(f.FirstDueOn)
		}
		out.FollowUps = append(out.FollowUps, fu)
	}
	for _, c := range blockCodecs {
		c.put(&out, e)
	}
	return out
}
