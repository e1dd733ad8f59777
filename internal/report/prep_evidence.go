package report

import (
	"fmt"
	"strings"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// writePrepManual writes the boss's operating manual at the top of the
// agenda. The notes stay Markdown, made inert as in the export; every
// one-line field is escaped.
func writePrepManual(b *strings.Builder, p *core.Prep) {
	if p.Evidence == nil || p.Evidence.Manual.Empty() {
		return
	}
	m := p.Evidence.Manual
	b.WriteString("## How " + markdown.Text(p.Boss.Name) + " works\n\n")
	for _, f := range []struct{ label, v string }{
		{"Likes information", prefersText(m)},
		{"Channel", m.Channel},
		{"Cares most about this year", m.Cares},
		{"Frustrated by", m.Frustrations},
	} {
		if f.v != "" {
			fmt.Fprintf(b, "- %s: %s\n", f.label, markdown.Text(f.v))
		}
	}
	if notes := markdown.Inert(m.Notes); notes != "" {
		b.WriteString("\n" + notes + "\n")
	}
	b.WriteString("\n")
}

func prefersText(m journal.Manual) string {
	if m.Prefers == "" {
		return ""
	}
	return strings.ToLower(m.PrefersLabel())
}

// driftLines are the priorities flagged as drifting.
func driftLines(l *i18n.Localizer, p *core.Prep) []string {
	if p.Evidence == nil {
		return nil
	}
	return linesOf(journal.Flagged(p.Evidence.Drift), func(d journal.Drift) string {
		if d.LastTouched == "" {
			return markdown.Text(d.Text) + ": " + fmt.Sprintf("no entry in the %d weeks since it was noted", d.WeeksSince)
		}
		return markdown.Text(d.Text) + ": " + fmt.Sprintf("last touched %s, %d weeks ago", l.Date(d.LastTouched, i18n.DayMonth), d.WeeksSince)
	})
}

// ledgerLines are this quarter's promises, both ways.
func ledgerLines(l *i18n.Localizer, p *core.Prep) []string {
	if p.Evidence == nil || p.Evidence.Ledger.Total() == 0 {
		return nil
	}
	led := p.Evidence.Ledger
	return []string{promiseLine(l, "Mine", led.Me), promiseLine(l, markdown.Text(p.Boss.Name)+"'s", led.Boss)}
}
