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
// per week. Entries must come newest first.
type MarkdownWriter struct {
	w          *bufio.Writer
	l          *i18n.Localizer // the owner's language, for dates
	priorities map[int64]string
	week       string
}

// NewMarkdownWriter writes the title; l is the owner's language, which
// dates are written in.
func NewMarkdownWriter(w io.Writer, u *journal.User, today string, l *i18n.Localizer) (*MarkdownWriter, error) {
	mw := &MarkdownWriter{w: bufio.NewWriterSize(w, 64<<10), l: l, priorities: map[int64]string{}}
	_, err := fmt.Fprintf(mw.w, "# %s's leadup journal\n\nExported %s. Newest week first.\n", markdown.Text(u.DisplayName), today)
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
	w := mw.w
	if wk := journal.WeekOfDate(e.OccurredOn); wk.String() != mw.week {
		mw.week = wk.String()
		fmt.Fprintf(w, "\n## Week %s (%s)\n", wk, mw.l.DateRange(wk.Start, wk.End))
	}
	fmt.Fprintf(w, "\n### %s: %s\n\n", mw.l.Date(e.OccurredOn, i18n.DayMonthYear), markdown.Text(e.Summary))
	var labels []string
	for _, k := range e.Practices {
		if p, ok := journal.FindPractice(k); ok {
			labels = append(labels, p.Label)
		}
	}
	fmt.Fprintf(w, "With %s · %s · %s\n", markdown.Text(e.BossName), journal.OptionLabel(journal.Kinds, e.Kind), strings.Join(labels, ", "))
	if t := mw.priorities[e.PriorityID]; t != "" {
		fmt.Fprintf(w, "\nPriority: %s\n", markdown.Text(t))
	}
	// Notes are the user's own Markdown and stay so, with raw HTML and
	// script links written as text, so no renderer runs them.
	if notes := markdown.Inert(e.Notes); notes != "" {
		fmt.Fprintf(w, "\n%s\n", notes)
	}
	for _, c := range blockCodecs {
		w.WriteString(c.markdown(e))
	}
	if len(e.FollowUps) > 0 {
		w.WriteString("\nFollow-ups:\n\n")
		for _, f := range e.FollowUps {
			box := " "
			if f.DoneAt != nil {
				box = "x"
			}
			line := fmt.Sprintf("- [%s] %s: %s", box, journal.OptionLabel(journal.Owners, f.Owner), markdown.Text(f.Text))
			if f.DueOn != "" {
				line += " (due " + f.DueOn + ")"
			}
			fmt.Fprintln(w, line)
		}
	}
	return nil
}

// Close flushes the document.
func (mw *MarkdownWriter) Close() error { return mw.w.Flush() }
