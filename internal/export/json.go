package export

import (
	"bufio"
	"encoding/json"
	"io"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// JSONWriter streams the JSON export: it writes each record as it is
// visited, so memory stays flat however large the journal is. Records must
// come in section order: bosses, priorities, entries.
type JSONWriter struct {
	w     *bufio.Writer
	next  int // the index in sections of the next array to open
	first bool

	schedules     []Schedule     // written after the entries, when set
	notifications *Notifications // likewise
}

var sections = []string{"bosses", "priorities", "entries"}

// NewJSONWriter writes the head of the export for user, at time now.
func NewJSONWriter(w io.Writer, u *journal.User, now time.Time) (*JSONWriter, error) {
	jw := &JSONWriter{w: bufio.NewWriterSize(w, 64<<10)}
	head := struct {
		Format     string `json:"format"`
		Version    int    `json:"version"`
		ExportedAt string `json:"exported_at"`
		User       User   `json:"user"`
	}{Format, Version, rfc3339(now), User{ID: u.PublicID, Email: u.Email, DisplayName: u.DisplayName, TimeZone: u.TimeZone, CreatedAt: rfc3339(u.CreatedAt)}}
	b, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	// Drop the closing brace: the arrays follow inside the same object.
	if _, err := jw.w.Write(b[:len(b)-1]); err != nil {
		return nil, err
	}
	return jw, nil
}

// open opens every array up to and including sections[i], closing the
// one before, so that empty sections still appear as [].
func (jw *JSONWriter) open(i int) error {
	for ; jw.next <= i; jw.next++ {
		if jw.next > 0 {
			if _, err := jw.w.WriteString("\n]"); err != nil {
				return err
			}
		}
		if _, err := jw.w.WriteString(`,"` + sections[jw.next] + `":[`); err != nil {
			return err
		}
		jw.first = true
	}
	return nil
}

func (jw *JSONWriter) write(section int, v any) error {
	if err := jw.open(section); err != nil {
		return err
	}
	sep := ",\n"
	if jw.first {
		sep, jw.first = "\n", false
	}
	if _, err := jw.w.WriteString(sep); err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = jw.w.Write(b)
	return err
}

// Boss writes one boss.
func (jw *JSONWriter) Boss(b *journal.Boss) error { return jw.write(0, fromBoss(b)) }

// Priority writes one priority.
func (jw *JSONWriter) Priority(p *journal.Priority) error { return jw.write(1, fromPriority(p)) }

// Entry writes one entry with its follow-ups.
func (jw *JSONWriter) Entry(e *journal.Entry) error { return jw.write(2, fromEntry(e)) }

// Close writes any empty arrays left and the end of the object.
func (jw *JSONWriter) Close() error {
	if err := jw.open(len(sections) - 1); err != nil {
		return err
	}
	if _, err := jw.w.WriteString("\n]"); err != nil {
		return err
	}
	if err := jw.writeReminders(); err != nil {
		return err
	}
	if _, err := jw.w.WriteString("}\n"); err != nil {
		return err
	}
	return jw.w.Flush()
}
