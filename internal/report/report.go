// Package report writes leadup's Markdown documents: the weekly update for
// a boss and the agenda for the next 1:1. They are drafts a person pastes
// into an email or a shared document, so they read as prose and lists, not
// as a data dump.
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

// WeeklyUpdate writes the week as a draft update.
func WeeklyUpdate(l *i18n.Localizer, u Update) string {
	var b strings.Builder
	w := u.Summary.Week
	fmt.Fprintf(&b, "# Weekly update: %s (%s)\n\n", w, l.DateRange(w.Start, w.End))
	if u.BossName != "" {
		fmt.Fprintf(&b, "Hi %s,\n\n", markdown.Text(u.BossName))
	} else {
		b.WriteString("Hi,\n\n")
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
			progress = append(progress, fmt.Sprintf("**%s**: %s", markdown.Text(e.PriorityText), entryLine(l, e, false)))
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
		{"Decisions I need", decisionLines(l, u.Decisions)},
		{"Heads-up", headsUpLines(l, u.HeadsUp)},
		{"Delivered", byPractice("results")},
		{"Owned", byPractice("responsibility")},
		{"Progress on your priorities", progress},
		{"Problems, with what I propose", byPractice("solutions")},
		{"Risks I took", byPractice("risk")},
		{"Developing the team", byPractice("team")},
		{"Commitments kept", kept},
		{"Still open on my side", mine},
		{"Waiting on you", theirs},
	}
	// Judged on what is written, not on what was read: an update to every
	// boss leaves out what the bosses owe, and may have nothing left.
	if !slices.ContainsFunc(sections, func(s section) bool { return len(s.items) > 0 }) {
		b.WriteString("Nothing to report from my journal this week.\n\n")
		return signOff(&b, u.Author)
	}
	b.WriteString("Here is where things stand this week.\n\n")
	for _, s := range sections {
		if len(s.items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", s.title)
		for _, it := range s.items {
			fmt.Fprintf(&b, "- %s\n", it)
		}
		b.WriteString("\n")
	}
	return signOff(&b, u.Author)
}

func signOff(b *strings.Builder, author string) string {
	b.WriteString("Thanks,\n")
	b.WriteString(markdown.Text(author))
	b.WriteString("\n")
	return b.String()
}

// PrepAgenda writes the agenda for the next 1:1 with a boss.
func PrepAgenda(l *i18n.Localizer, p *core.Prep) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# 1:1 with %s: %s\n\n", markdown.Text(p.Boss.Name), l.Date(p.Today, i18n.Full))
	writePrepManual(&b, p)
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
		touched := "no entry linked yet"
		if d := p.LastTouched[pr.ID]; d != "" {
			touched = "last worked on " + l.Date(d, i18n.Full)
		}
		prios = append(prios, fmt.Sprintf("%s (%s)", markdown.Text(pr.Text), touched))
	}
	var neglected []string
	for _, k := range p.Neglected {
		if pr, ok := journal.FindPractice(k); ok {
			neglected = append(neglected, fmt.Sprintf("%s: %s", pr.Label, pr.Try))
		}
	}
	sections := []section{
		{"What I owe", mine},
		{"What " + markdown.Text(p.Boss.Name) + " owes", theirs},
		{"Their priorities", prios},
		{"Priorities drifting (untouched three weeks or more)", driftLines(l, p)},
		{"Promises this quarter", ledgerLines(l, p)},
		{"Problems to raise, with a proposal", entryLines(l, p.Problems)},
		{"Risks to talk through", entryLines(l, p.Risks)},
		{"Problems awaiting a decision", decisionLines(l, p.OpenProblems)},
		{"Bets due for review", betLines(l, p.DueBets)},
		{"Forecasts to close", forecastDueLines(l, p.DueForecasts)},
		{"Practices to bring in (none with " + markdown.Text(p.Boss.Name) + " in four weeks)", neglected},
		{"Last conversations", entryLines(l, p.Recent)},
	}
	empty := true
	for _, s := range sections {
		if len(s.items) == 0 {
			continue
		}
		empty = false
		fmt.Fprintf(&b, "## %s\n\n", s.title)
		for _, it := range s.items {
			fmt.Fprintf(&b, "- %s\n", it)
		}
		b.WriteString("\n")
	}
	if empty {
		b.WriteString("Nothing on the agenda yet. Log your conversations and commitments to build it.\n")
	}
	return b.String()
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
	s := markdown.Text(e.Summary) + " (" + l.Date(e.OccurredOn, i18n.DayMonth)
	if withBoss {
		s += ", with " + markdown.Text(e.BossName)
	}
	return s + ")"
}

func followUpLine(l *i18n.Localizer, f *journal.FollowUp, today string) string {
	s := markdown.Text(f.Text)
	switch {
	case f.DoneAt != nil:
		s += " (done " + l.Date(f.DoneOn, i18n.DayMonth)
		if f.State == journal.PromiseLate {
			s += ", after its due date " + l.Date(f.DueOn, i18n.DayMonth)
		}
		s += ")"
	case f.Overdue(today):
		s += " (overdue since " + l.Date(f.DueOn, i18n.DayMonth) + ")"
	case f.DueOn != "":
		s += " (due " + l.Date(f.DueOn, i18n.DayMonth) + ")"
	}
	return s
}
