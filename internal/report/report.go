// Package report writes leadup's Markdown documents: the weekly update for
// a boss and the agenda for the next 1:1. They are drafts a person pastes
// into an email or a shared document, so they read as prose and lists, not
// as a data dump. Each is written in the language of the localizer it is
// given: the owner's, whoever asks for it.
package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// Update is what a weekly update is written from.
type Update struct {
	Summary  *journal.WeekSummary
	BossName string // "" for an update to no boss in particular
	Author   string
	Entries  []*journal.Entry    // the week's entries, already kept to the boss when there is one
	Kept     []*journal.FollowUp // follow-ups done this week
	Open     []*journal.FollowUp // follow-ups still open
	Today    string

	Decisions []*journal.Problem // open problems, with their options and recommendation

	HeadsUp []*journal.Forecast // open forecasts, soonest expected first
}

// tells reports whether the update may mention f: what a boss owes is
// between the user and that boss, so an update to no boss in particular,
// which any of them may read, leaves out every follow-up a boss owns.
func (u Update) tells(f *journal.FollowUp) bool {
	return u.BossName != "" || f.Owner != "boss"
}

// section is one heading and its bullet points; empty sections are left out.
type section struct {
	title string
	items []string
}

// WeeklyUpdate writes the week as a draft update, in l's language.
func WeeklyUpdate(l *i18n.Localizer, u Update) string {
	var b strings.Builder
	w := u.Summary.Week
	heading(&b, "# ", l.T("report.update.title", map[string]string{"Week": w.String(), "Range": l.DateRange(w.Start, w.End)}))
	if u.BossName != "" {
		b.WriteString(l.T("report.update.hi_name", map[string]string{"Name": markdown.Text(u.BossName)}) + "\n\n")
	} else {
		b.WriteString(l.T("report.update.hi") + "\n\n")
	}
	byPractice := func(key string) []string {
		var items []string
		for _, e := range u.Entries {
			if slices.Contains(e.Practices, key) {
				items = append(items, entryLine(l, e, u.BossName == ""))
			}
		}
		return items
	}
	var progress []string
	for _, e := range u.Entries {
		if e.PriorityText != "" {
			progress = append(progress, l.T("report.update.progress_line", map[string]string{"Priority": markdown.Text(e.PriorityText), "Entry": entryLine(l, e, false)}))
		}
	}
	var kept, mine, theirs []string
	for _, f := range u.Kept {
		if u.tells(f) {
			kept = append(kept, followUpLine(l, f, u.Today))
		}
	}
	for _, f := range u.Open {
		switch {
		case !u.tells(f):
		case f.Owner == "boss":
			theirs = append(theirs, followUpLine(l, f, u.Today))
		default:
			mine = append(mine, followUpLine(l, f, u.Today))
		}
	}
	sections := []section{
		{l.T("report.update.decisions"), decisionLines(l, u.Decisions)},
		{l.T("report.update.heads_up"), headsUpLines(l, u.HeadsUp)},
		{l.T("report.update.delivered"), byPractice("results")},
		{l.T("report.update.owned"), byPractice("responsibility")},
		{l.T("report.update.progress"), progress},
		{l.T("report.update.problems"), byPractice("solutions")},
		{l.T("report.update.risks"), byPractice("risk")},
		{l.T("report.update.team"), byPractice("team")},
		{l.T("report.update.kept"), kept},
		{l.T("report.update.mine"), mine},
		{l.T("report.update.theirs"), theirs},
	}
	// Judged on what is written, not on what was read: an update to every
	// boss leaves out what the bosses owe, and may have nothing left.
	if !slices.ContainsFunc(sections, func(s section) bool { return len(s.items) > 0 }) {
		b.WriteString(l.T("report.update.nothing") + "\n\n")
		return signOff(l, &b, u.Author)
	}
	b.WriteString(l.T("report.update.intro") + "\n\n")
	writeSections(&b, sections)
	return signOff(l, &b, u.Author)
}

// heading writes a Markdown heading: its marks, its text, a blank line.
func heading(b *strings.Builder, marks, text string) {
	b.WriteString(marks + text + "\n\n")
}

// writeSections writes each section that has items, as a heading and a
// list; it reports whether it wrote any.
func writeSections(b *strings.Builder, sections []section) bool {
	wrote := false
	for _, s := range sections {
		if len(s.items) == 0 {
			continue
		}
		wrote = true
		heading(b, "## ", s.title)
		for _, it := range s.items {
			fmt.Fprintf(b, "- %s\n", it)
		}
		b.WriteString("\n")
	}
	return wrote
}

func signOff(l *i18n.Localizer, b *strings.Builder, author string) string {
	b.WriteString(l.T("report.update.thanks") + "\n")
	b.WriteString(markdown.Text(author))
	b.WriteString("\n")
	return b.String()
}

// PrepAgenda writes the agenda for the next 1:1 with a boss, in l's
// language.
func PrepAgenda(l *i18n.Localizer, p *core.Prep) string {
	var b strings.Builder
	name := map[string]string{"Name": markdown.Text(p.Boss.Name)}
	heading(&b, "# ", l.T("report.prep.title", map[string]string{"Name": name["Name"], "Date": l.Date(p.Today, i18n.Full)}))
	writePrepManual(l, &b, p)
	var mine, theirs []string
	for _, f := range p.FollowUps {
		if f.Owner == "boss" {
			theirs = append(theirs, followUpLine(l, f, p.Today))
		} else {
			mine = append(mine, followUpLine(l, f, p.Today))
		}
	}
	var prios []string
	for _, pr := range p.Priorities {
		touched := l.T("report.prep.no_entry_linked")
		if d := p.LastTouched[pr.ID]; d != "" {
			touched = l.T("report.prep.last_worked_on", map[string]string{"Date": l.Date(d, i18n.Full)})
		}
		prios = append(prios, fmt.Sprintf("%s (%s)", markdown.Text(pr.Text), touched))
	}
	var neglected []string
	for _, k := range p.Neglected {
		if _, ok := journal.FindPractice(k); ok {
			neglected = append(neglected, l.T("report.label_text", map[string]string{"Label": practiceLabel(l, k), "Text": l.T("practice." + k + ".try")}))
		}
	}
	sections := []section{
		{l.T("report.prep.mine"), mine},
		{l.T("report.prep.theirs", name), theirs},
		{l.T("report.prep.priorities", name), prios},
		{l.T("report.prep.drifting"), driftLines(l, p)},
		{l.T("report.prep.promises"), ledgerLines(l, p)},
		{l.T("report.prep.problems"), entryLines(l, p.Problems)},
		{l.T("report.prep.risks"), entryLines(l, p.Risks)},
		{l.T("report.prep.open_problems"), decisionLines(l, p.OpenProblems)},
		{l.T("report.prep.due_bets"), betLines(l, p.DueBets)},
		{l.T("report.prep.due_forecasts"), forecastDueLines(l, p.DueForecasts)},
		{l.T("report.prep.neglected", name), neglected},
		{l.T("report.prep.recent"), entryLines(l, p.Recent)},
	}
	if !writeSections(&b, sections) {
		b.WriteString(l.T("report.prep.empty") + "\n")
	}
	return b.String()
}

// practiceLabel names the practice with key in l's language: Markdown
// is read by people, so its practices are named in theirs, while JSON,
// CSV and the API keep the keys.
func practiceLabel(l *i18n.Localizer, key string) string {
	return l.T("practice." + key + ".label")
}

func entryLines(l *i18n.Localizer, entries []*journal.Entry) []string {
	return linesOf(entries, func(e *journal.Entry) string { return entryLine(l, e, false) })
}

// linesOf writes one line per item; none is nil, as a list with nothing
// to show.
func linesOf[T any](items []T, line func(T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, line(it))
	}
	return out
}

func entryLine(l *i18n.Localizer, e *journal.Entry, withBoss bool) string {
	notes := []string{l.Date(e.OccurredOn, i18n.DayMonth)}
	if withBoss {
		notes = append(notes, withName(l, e.BossName))
	}
	return markdown.Text(e.Summary) + " (" + strings.Join(notes, ", ") + ")"
}

// withName is "with Dana Reyes", for a note in brackets.
func withName(l *i18n.Localizer, name string) string {
	return l.T("report.with", map[string]string{"Name": markdown.Text(name)})
}

func followUpLine(l *i18n.Localizer, f *journal.FollowUp, today string) string {
	s := markdown.Text(f.Text)
	switch {
	case f.DoneAt != nil:
		notes := []string{l.T("report.followup.done", dateData(l, f.DoneOn))}
		if f.State == journal.PromiseLate {
			notes = append(notes, l.T("report.followup.late", dateData(l, f.DueOn)))
		}
		s += " (" + strings.Join(notes, ", ") + ")"
	case f.Overdue(today):
		s += " (" + l.T("report.followup.overdue", dateData(l, f.DueOn)) + ")"
	case f.DueOn != "":
		s += " (" + l.T("report.followup.due", dateData(l, f.DueOn)) + ")"
	}
	return s
}
