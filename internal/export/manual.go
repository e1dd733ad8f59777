package export

import "github.com/leadup/leadup/internal/journal"

// Manual is a boss's operating manual: an optional member of a boss in
// version 1, absent when nothing has been noted. An import without it
// leaves the stored manual alone.
type Manual struct {
	Prefers      string `json:"prefers"` // "", writing, in_person or either
	Channel      string `json:"channel"`
	Cares        string `json:"cares"`
	Frustrations string `json:"frustrations"`
	Notes        string `json:"notes"` // Markdown
}

func fromManual(m *journal.Manual) *Manual {
	if m == nil || m.Empty() {
		return nil
	}
	return &Manual{Prefers: m.Prefers, Channel: m.Channel, Cares: m.Cares, Frustrations: m.Frustrations, Notes: m.Notes}
}

// manual checks a boss's manual with the form's rules; nil stays nil.
func (v *validator) manual(path string, m *Manual) *journal.Manual {
	if m == nil {
		return nil
	}
	out := journal.Manual{Prefers: m.Prefers, Channel: m.Channel, Cares: m.Cares, Frustrations: m.Frustrations, Notes: m.Notes}
	for field, msg := range journal.FieldErrors(out.Validate()) {
		v.add(path, "manual."+field[len("manual_"):], msg)
	}
	return &out
}
