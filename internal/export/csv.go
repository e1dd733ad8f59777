package export

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// CSVHeader names the CSV export's columns: one row per entry.
var CSVHeader = []string{"id", "occurred_on", "boss", "kind", "summary", "practices", "priority", "notes", "followups", "created_at", "updated_at", "problem", "bet"}

// CSVWriter writes the CSV export (RFC 4180, as encoding/csv writes it).
type CSVWriter struct {
	w          *csv.Writer
	bosses     map[int64]string
	priorities map[int64]string
}

// NewCSVWriter writes the header row.
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	cw := &CSVWriter{w: csv.NewWriter(w), bosses: map[int64]string{}, priorities: map[int64]string{}}
	return cw, cw.w.Write(CSVHeader)
}

// Boss remembers a boss's name for the rows.
func (cw *CSVWriter) Boss(b *journal.Boss) error { cw.bosses[b.ID] = b.Name; return nil }

// Priority remembers a priority's text for the rows.
func (cw *CSVWriter) Priority(p *journal.Priority) error { cw.priorities[p.ID] = p.Text; return nil }

// Entry writes one row.
func (cw *CSVWriter) Entry(e *journal.Entry) error {
	var fus []string
	for _, f := range e.FollowUps {
		line := journal.OptionLabel(journal.Owners, f.Owner) + ": " + f.Text
		if f.DueOn != "" {
			line += " (due " + f.DueOn + ")"
		}
		if f.DoneOn != "" {
			line += " [done " + f.DoneOn + "]"
		}
		fus = append(fus, line)
	}
	row := []string{e.PublicID, e.OccurredOn, cw.bosses[e.BossID], e.Kind, e.Summary, strings.Join(e.Practices, ";"),
		cw.priorities[e.PriorityID], e.Notes, strings.Join(fus, "\n"), rfc3339(e.CreatedAt), rfc3339(e.UpdatedAt),
		problemText(e.Problem), betText(e.Bet)}
	for i := range row {
		row[i] = Neutralize(row[i])
	}
	return cw.w.Write(row)
}

// Close flushes the rows.
func (cw *CSVWriter) Close() error {
	cw.w.Flush()
	return cw.w.Error()
}

// Neutralize defuses a cell that a spreadsheet would run as a formula
// (OWASP's CSV injection advice): a leading =, +, -, @, tab or carriage
// return gets a ' in front.
func Neutralize(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
