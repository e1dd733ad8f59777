package journal

import (
	"strings"
	"unicode/utf8"
)

// Limits of a boss's operating manual.
const (
	MaxManualLineChars  = 300
	MaxManualNotesChars = 5000
)

// Ways a boss likes to get information.
var ManualPrefers = []Option{
	{Value: "", Label: "Not noted"},
	{Value: "writing", Label: "In writing"},
	{Value: "in_person", Label: "In person"},
	{Value: "either", Label: "Either"},
}

// Manual is a boss's operating manual: how to work with them. Every field
// is optional.
type Manual struct {
	Prefers      string // "", writing, in_person or either
	Channel      string // their preferred channel, one line
	Cares        string // what they care about most this year, one line
	Frustrations string // what frustrates them, one line
	Notes        string // Markdown, sanitised like entry notes
}

// Empty reports whether nothing has been noted.
func (m Manual) Empty() bool { return m == Manual{} }

// PrefersLabel is the label of Prefers.
func (m Manual) PrefersLabel() string {
	return OptionLabel(ManualPrefers, m.Prefers)
}

// Validate normalises the manual and reports every rule it breaks, by form
// field name.
func (m *Manual) Validate() error {
	p := Problems{}
	m.Prefers = strings.TrimSpace(m.Prefers)
	ok := false
	for _, o := range ManualPrefers {
		ok = ok || o.Value == m.Prefers
	}
	if !ok {
		p.Add("manual_prefers", "Choose in writing, in person or either.")
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"manual_channel", &m.Channel}, {"manual_cares", &m.Cares}, {"manual_frustrations", &m.Frustrations}} {
		*f.v = strings.TrimSpace(*f.v)
		if msg := CheckLine(*f.v); msg != "" {
			p.Add(f.name, msg)
		} else if utf8.RuneCountInString(*f.v) > MaxManualLineChars {
			p.Add(f.name, "Keep this to 300 characters; put the rest in the notes.")
		}
	}
	m.Notes = strings.TrimSpace(cleanLines(m.Notes))
	if utf8.RuneCountInString(m.Notes) > MaxManualNotesChars {
		p.Add("manual_notes", "Notes are limited to 5,000 characters.")
	}
	return p.Err()
}

// BossEvidence is what the boss and prep pages add about one boss: the
// manual, the drift of their priorities and the promise ledger.
type BossEvidence struct {
	Manual      Manual
	Drift       []Drift
	Ledger      Ledger
	LedgerFrom  string // the ledger's period: this quarter so far
	LedgerTo    string
	LastTouched map[int64]string // priority id → latest linked entry, every priority of the boss
}
