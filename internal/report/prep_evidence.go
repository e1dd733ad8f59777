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
func writePrepManual(l *i18n.Localizer, b *strings.Builder, p *core.Prep) {
	if p.Evidence == nil || p.Evidence.Manual.Empty() {
		return
	}
	m := p.Evidence.Manual
	heading(b, "## ", l.T("report.manual.title", map[string]string{"Name": markdown.Text(p.Boss.Name)}))
	for _, f := range []struct{ label, v string }{
		{l.T("report.manual.prefers"), prefersText(l, m)},
		{l.T("report.manual.channel"), m.Channel},
		{l.T("report.manual.cares"), m.Cares},
		{l.T("report.manual.frustrations"), m.Frustrations},
	} {
		if f.v != "" {
			fmt.Fprintf(b, "- %s\n", l.T("report.label_text", map[string]string{"Label": f.label, "Text": markdown.Text(f.v)}))
		}
	}
	if notes := markdown.Inert(m.Notes); notes != "" {
		b.WriteString("\n" + notes + "\n")
	}
	b.WriteString("\n")
}

// prefersText is how the boss likes information, "in writing", or "":
// as the manual's form names it, in lower case mid-sentence.
func prefersText(l *i18n.Localizer, m journal.Manual) string {
	if m.Prefers == "" {
		return ""
	}
	for _, o := range journal.ManualPrefers {
		if o.Value == m.Prefers {
			return strings.ToLower(l.T("evidence.prefers_" + o.Value))
		}
	}
	return m.Prefers
}

// driftLines are the priorities flagged as drifting.
func driftLines(l *i18n.Localizer, p *core.Prep) []string {
	if p.Evidence == nil {
		return nil
	}
	return linesOf(journal.Flagged(p.Evidence.Drift), func(d journal.Drift) string {
		if d.LastTouched == "" {
			return l.T("report.label_text", map[string]string{"Label": markdown.Text(d.Text), "Text": l.N("report.drift.untouched", d.WeeksSince)})
		}
		return l.T("report.label_text", map[string]string{"Label": markdown.Text(d.Text),
			"Text": l.N("report.drift.last_touched", d.WeeksSince, map[string]any{"Date": l.Date(d.LastTouched, i18n.DayMonth)})})
	})
}

// ledgerLines are this quarter's promises, both ways.
func ledgerLines(l *i18n.Localizer, p *core.Prep) []string {
	if p.Evidence == nil || p.Evidence.Ledger.Total() == 0 {
		return nil
	}
	led := p.Evidence.Ledger
	return []string{promiseLine(l, l.T("report.promises.mine"), led.Me),
		promiseLine(l, l.T("report.promises.boss", map[string]string{"Name": markdown.Text(p.Boss.Name)}), led.Boss)}
}
