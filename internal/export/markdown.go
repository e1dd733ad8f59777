package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// MarkdownWriter writes the whole journal as readable Markdown, a section
// per week, in its owner's language: the words around the user's text and
// the practices' names are the owner's, the dates stay as they are.
// Entries must come newest first.
type MarkdownWriter struct {
	l          *i18n.Localizer
	w          *bufio.Writer
	priorities map[int64]string
	week       string
}

// NewMarkdownWriter writes the title, in l's language.
func NewMarkdownWriter(w io.Writer, u *journal.User, today string, l *i18n.Localizer) (*MarkdownWriter, error) {
	mw := &MarkdownWriter{l: l, w: bufio.NewWriterSize(w, 64<<10), priorities: map[int64]string{}}
	_, err := fmt.Fprintf(mw.w, "# %s\n\n%s\n", l.T("report.export.title", map[string]string{"Name": markdown.Text(u.DisplayName)}),
		l.T("report.export.exported", map[string]string{"Date": l.Date(today, i18n.DayMonthYear)}))
	return mw, err
}

// Boss needs nothing: entries carry their boss's name.
func (mw *MarkdownWriter) Boss(*journal.Boss) error { return nil }

// Priority remembers a priority's text.
func (mw *MarkdownWriter) Priority(p *journal.Priority) error {
	mw.priorities[p.ID] = p.Text
	return nil
}

// Entry writes one entry under its week's heading.
func (mw *MarkdownWriter) Entry(e *journal.Entry) error {
	w, l := mw.w, mw.l
	if wk := journal.WeekOfDate(e.OccurredOn); wk.String() != mw.week {
		mw.week = wk.String()
		fmt.Fprintf(w, "\n## %s\n", l.T("report.export.week", map[string]string{"Week": wk.String(), "Range": l.DateRange(wk.Start, wk.End)}))
	}
	fmt.Fprintf(w, "\n### %s: %s\n\n", l.Date(e.OccurredOn, i18n.DayMonthYear), markdown.Text(e.Summary))
	var labels []string
	for _, k := range e.Practices {
		if _, ok := journal.FindPractice(k); ok {
			labels = append(labels, l.T("practice."+k+".label"))
		}
	}
	fmt.Fprintf(w, "%s · %s · %s\n", l.T("report.export.with", map[string]string{"Name": markdown.Text(e.BossName)}),
		mdOption(l, "entry.kind_", journal.Kinds, e.Kind), strings.Join(labels, ", "))
	if t := mw.priorities[e.PriorityID]; t != "" {
		fmt.Fprintf(w, "\n%s\n", mdField(l, "priority", markdown.Text(t)))
	}
	// Notes are the user's own Markdown and stay so, with raw HTML and
	// script links written as text, so no renderer runs them.
	if notes := markdown.Inert(e.Notes); notes != "" {
		fmt.Fprintf(w, "\n%s\n", notes)
	}
	for _, c := range blockCodecs {
		w.WriteString(c.markdown(l, e))
	}
	if len(e.FollowUps) > 0 {
		w.WriteString("\n" + l.T("report.export.followups") + "\n\n")
		for _, f := range e.FollowUps {
			box := " "
			if f.DoneAt != nil {
				box = "x"
			}
			line := "- [" + box + "] " + mdLabelText(l, mdOption(l, "followup.owner_", journal.Owners, f.Owner), markdown.Text(f.Text))
			if f.DueOn != "" {
				line += " (" + l.T("report.export.due", map[string]string{"Date": l.Date(f.DueOn, i18n.DayMonthYear)}) + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
	return nil
}

// mdField is a field of a block, "Bet: text", in l's language; name is
// its message under report.export.
func mdField(l *i18n.Localizer, name, text string) string {
	return mdLabelText(l, l.T("report.export."+name), text)
}

// mdLabelText is "Label: text", as l's language writes it.
func mdLabelText(l *i18n.Localizer, label, text string) string {
	return l.T("report.label_text", map[string]string{"Label": label, "Text": text})
}

// mdOption names value, one of opts, in l's language, by its message
// prefix+value; a value not among them is written as it is.
func mdOption(l *i18n.Localizer, prefix string, opts []journal.Option, value string) string {
	for _, o := range opts {
		if o.Value == value {
			return l.T(prefix + value)
		}
	}
	return value
}

// Close flushes the document.
func (mw *MarkdownWriter) Close() error { return mw.w.Flush() }
