package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// CSVHeader names the CSV export's columns: one row per entry.
var CSVHeader = csvHeader()

// csvHeader names the entry's columns, then one column a block.
func csvHeader() []string {
	h := []string{"id", "occurred_on", "boss", "kind", "summary", "practices", "priority", "notes", "followups", "created_at", "updated_at"}
	for _, k := range journal.Blocks {
		h = append(h, k.Key)
	}
	return h
}

// CSVWriter writes the CSV export as RFC 4180 says: UTF-8, every record
// ending in CRLF. A line break inside a quoted cell stays the LF the text
// holds (the RFC allows it, and it is Excel's own line break in a cell),
// so every reader gets the cell back as written; encoding/csv's UseCRLF
// would turn it into CRLF.
type CSVWriter struct {
	out        io.Writer
	record     bytes.Buffer // one record, as encoding/csv quotes it
	w          *csv.Writer  // writes into record
	bosses     map[int64]string
	priorities map[int64]string
}

// NewCSVWriter writes the header row. The file has no byte order mark,
// so Python's csv, csvkit and most tools read the first column as "id".
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	cw := &CSVWriter{out: w, bosses: map[int64]string{}, priorities: map[int64]string{}}
	cw.w = csv.NewWriter(&cw.record)
	return cw, cw.write(CSVHeader)
}

// write sends one record, ended by CRLF in place of encoding/csv's LF.
func (cw *CSVWriter) write(cells []string) error {
	cw.record.Reset()
	cw.w.Write(cells)
	cw.w.Flush()
	if err := cw.w.Error(); err != nil {
		return err
	}
	rec := cw.record.Bytes()
	rec = append(rec[:len(rec)-1], '\r', '\n')
	_, err := cw.out.Write(rec)
	return err
}

// byteOrderMark is U+FEFF in UTF-8: Excel, opening a CSV file by
// double-click, reads it as UTF-8 only when the file starts with it.
const byteOrderMark = "\ufeff"

// NewExcelCSVWriter writes the same CSV as NewCSVWriter after a UTF-8 byte
// order mark, so that Excel shows names such as "Zoë" as written. Readers
// that do not expect the mark (Python's csv without utf-8-sig) take it as
// part of the first header, which is why it is a separate download.
func NewExcelCSVWriter(w io.Writer) (*CSVWriter, error) {
	if _, err := io.WriteString(w, byteOrderMark); err != nil {
		return nil, err
	}
	return NewCSVWriter(w)
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
		cw.priorities[e.PriorityID], e.Notes, strings.Join(fus, "\n"), rfc3339(e.CreatedAt), rfc3339(e.UpdatedAt)}
	for _, c := range blockCodecs {
		row = append(row, c.text(e))
	}
	for i := range row {
		row[i] = Neutralize(row[i])
	}
	return cw.write(row)
}

// Close ends the export; every record is already written.
func (cw *CSVWriter) Close() error { return nil }

// Neutralize defuses a cell that a spreadsheet would run as a formula
// (OWASP's CSV injection advice): a leading =, +, -, @, tab or carriage
// return gets a ' in front.
func Neutralize(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
