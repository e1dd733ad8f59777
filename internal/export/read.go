package export

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/leadup/leadup/internal/journal"
)

// maxProblems bounds the list of problems reported for one file.
const maxProblems = 20

func invalid(msg string) error { return &journal.Error{Code: journal.EINVALID, Message: msg} }

type validator struct {
	problems []string
	ids      map[string]string // public id → path, to refuse duplicates
}

func (v *validator) add(path, field, msg string) {
	if len(v.problems) < maxProblems {
		v.problems = append(v.problems, fmt.Sprintf("%s: %s", joinPath(path, field), msg))
	} else if len(v.problems) == maxProblems {
		v.problems = append(v.problems, "… and more.")
	}
}

// fields reports a validation error's field messages under path.
func (v *validator) fields(path string, err error) {
	// Sorted, so that the list and which problems make the first
	// maxProblems are the same on every run.
	msgs := journal.FieldErrors(err)
	for _, field := range slices.Sorted(maps.Keys(msgs)) {
		v.add(path, field, msgs[field])
	}
}

func (v *validator) id(path, field, id string) {
	if _, err := uuid.Parse(id); err != nil {
		v.add(path, field, "not a UUID.")
		return
	}
	if field == "id" {
		if other, dup := v.ids[id]; dup {
			v.add(path, field, "the same id as "+other+".")
		}
		v.ids[id] = path
	}
}

func (v *validator) time(path, field, s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		v.add(path, field, "not an RFC 3339 time.")
	}
	return t
}

func (v *validator) date(path, field, s string) {
	if _, ok := journal.ParseDate(s); !ok {
		v.add(path, field, "not a YYYY-MM-DD date.")
	}
}

func (v *validator) boss(path string, b Boss) *journal.Boss {
	v.id(path, "id", b.ID)
	in := journal.BossInput{Name: b.Name, Relation: b.Relation, Role: b.Role}
	if b.Relation == "" {
		v.add(path, "relation", "missing.")
	}
	v.fields(path, in.Validate())
	return &journal.Boss{PublicID: b.ID, Name: in.Name, Relation: in.Relation, Role: in.Role, Archived: b.Archived,
		CreatedAt: v.time(path, "created_at", b.CreatedAt), UpdatedAt: v.time(path, "updated_at", b.UpdatedAt),
		Manual: v.manual(path, b.Manual)}
}

func (v *validator) priority(path string, p Priority) *journal.Priority {
	v.id(path, "id", p.ID)
	v.id(path, "boss_id", p.BossID)
	in := journal.PriorityInput{Text: p.Text, Status: p.Status}
	if p.Status == "" {
		v.add(path, "status", "missing.")
	}
	v.fields(path, in.Validate())
	v.date(path, "noted_on", p.NotedOn)
	return &journal.Priority{PublicID: p.ID, BossPublicID: p.BossID, Text: in.Text, Status: in.Status, NotedOn: p.NotedOn,
		StatusChangedAt: v.time(path, "status_changed_at", p.StatusChangedAt), CreatedAt: v.time(path, "created_at", p.CreatedAt)}
}

func (v *validator) entry(path string, e Entry, today string) *journal.Entry {
	v.id(path, "id", e.ID)
	v.id(path, "boss_id", e.BossID)
	prio := ""
	if e.PriorityID != nil {
		prio = *e.PriorityID
		v.id(path, "priority_id", prio)
	}
	// The form's rules; the boss and priority are checked by reference.
	in := journal.EntryInput{OccurredOn: e.OccurredOn, Kind: e.Kind, Summary: e.Summary, Notes: e.Notes, Practices: e.Practices}
	v.fields(path, in.ValidateContent(today))
	out := &journal.Entry{PublicID: e.ID, BossPublicID: e.BossID, PriorityPublicID: prio, OccurredOn: in.OccurredOn, Kind: in.Kind,
		Summary: in.Summary, Notes: in.Notes, Practices: in.Practices,
		CreatedAt: v.time(path, "created_at", e.CreatedAt), UpdatedAt: v.time(path, "updated_at", e.UpdatedAt)}
	for j, f := range e.FollowUps {
		out.FollowUps = append(out.FollowUps, v.followUp(fmt.Sprintf("%s.followups[%d]", path, j), f))
	}
	for _, c := range blockCodecs {
		c.check(v, path, e, today, out)
	}
	return out
}

func (v *validator) followUp(path string, f FollowUp) *journal.FollowUp {
	v.id(path, "id", f.ID)
	in := journal.FollowUpInput{Text: f.Text, Owner: f.Owner, DueOn: deref(f.DueOn)}
	v.fields(path, in.Validate())
	out := &journal.FollowUp{PublicID: f.ID, Text: in.Text, Owner: in.Owner, DueOn: in.DueOn, CreatedAt: v.time(path, "created_at", f.CreatedAt)}
	if f.FirstDueOn != nil {
		v.date(path, "first_due_on", *f.FirstDueOn)
		out.FirstDueOn = *f.FirstDueOn
	}
	if (f.DoneAt == nil) != (f.DoneOn == nil) {
		v.add(path, "done_at", "done_at and done_on go together: both set, or both null.")
	}
	if f.DoneAt != nil && f.DoneOn != nil {
		t := v.time(path, "done_at", *f.DoneAt)
		out.DoneAt = &t
		v.date(path, "done_on", *f.DoneOn)
		out.DoneOn = *f.DoneOn
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
