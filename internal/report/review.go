package report

import (
	"fmt"
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// ReviewDraft writes the review composer's period as the first draft of a
// self-review. base is the app's address ("https://leadup.example/app", or
// just the base path when no public address is configured): every claim
// links back to its entry.
func ReviewDraft(l *i18n.Localizer, r *journal.Review, base, author string) string {
	var b strings.Builder
	f := r.Filter
	fmt.Fprintf(&b, "# Self-review draft: %s to %s\n\n", l.Date(f.From, i18n.Full), l.Date(f.To, i18n.Full))
	if r.BossName != "" {
		fmt.Fprintf(&b, "Work with %s only.\n\n", markdown.Text(r.BossName))
	}
	if r.Empty() {
		b.WriteString("My journal holds nothing for this period yet.\n")
		return b.String()
	}
	tags, months := 0, 0
	for _, m := range r.Months {
		tags += m.Total
		if m.Total > 0 {
			months++
		}
	}
	fmt.Fprintf(&b, "A first draft from my journal, to edit before it goes anywhere.%s\n\n", monthsLine(months, len(r.Months)))

	var gaps []string
	for _, p := range r.Practices {
		if p.Count == 0 {
			gaps = append(gaps, p.Label)
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", p.Label)
		fmt.Fprintf(&b, "%s\n\n", strongestLine(p))
		for _, ev := range p.Entries {
			fmt.Fprintf(&b, "- %s\n", evidenceLine(l, ev, base, r.BossName == ""))
		}
		if p.Count > len(p.Entries) {
			fmt.Fprintf(&b, "- [All %d entries](%s/entries?%s)\n", p.Count, base, journal.PracticeEntriesQuery(f, p.Key))
		}
		b.WriteString("\n")
	}

	if len(r.Priorities) > 0 {
		b.WriteString("## Priorities I served\n\n")
		for _, p := range r.Priorities {
			fmt.Fprintf(&b, "- %s (%s): %s\n", markdown.Text(p.Text), markdown.Text(p.BossName), plural(p.Entries, "entry", "entries"))
		}
		b.WriteString("\n")
	}

	if r.Promises.Total() > 0 {
		b.WriteString("## Promises kept\n\n")
		fmt.Fprintf(&b, "- %s\n", promiseLine(l, "Mine", r.Promises.Me))
		fmt.Fprintf(&b, "- %s\n\n", promiseLine(l, "Made to me", r.Promises.Boss))
	}

	if p := r.Problems; p.Raised > 0 {
		b.WriteString("## Problems raised with solutions\n\n")
		each := "each with options and a recommendation"
		if p.Raised == 1 {
			each = "with options and a recommendation"
		}
		fmt.Fprintf(&b, "I raised %s, %s: %d taken as proposed, %d changed, %d declined, %d still waiting for a decision.\n\n",
			plural(p.Raised, "problem", "problems"), each, p.Taken, p.Changed, p.Declined, p.Open)
	}

	if bt := r.Bets; bt.Placed > 0 {
		b.WriteString("## Calculated risks\n\n")
		fmt.Fprintf(&b, "I placed %s. Reviewed so far: %d better than expected, %d as expected, %d worse, %d called off",
			plural(bt.Placed, "bet", "bets"), bt.Better, bt.AsExpected, bt.Worse, bt.CalledOff)
		if bt.Due > 0 {
			fmt.Fprintf(&b, "; %d past its review date", bt.Due)
		}
		b.WriteString(".\n\n")
	}

	if r.Forecasts != nil {
		b.WriteString("## Forecasts\n\n")
		n := r.Forecasts
		fmt.Fprintf(&b, "- Warning given: %s%s between raising a forecast and the day it landed (%d raised).\n", n.Measure(), dayCount(l, n.WarningDays), n.Forecasts)
		fmt.Fprintf(&b, "- Time to raise: %s%s between noticing a problem and raising it.\n\n", n.Measure(), dayCount(l, n.RaiseDays))
	}

	b.WriteString("## Month by month\n\n| Month |")
	for _, p := range journal.Practices {
		b.WriteString(" " + p.Label + " |")
	}
	b.WriteString(" All |\n|---|")
	for range journal.Practices {
		b.WriteString("---:|")
	}
	b.WriteString("---:|\n")
	for _, m := range r.Months {
		fmt.Fprintf(&b, "| %s |", m.Month)
		for _, p := range journal.Practices {
			fmt.Fprintf(&b, " %d |", m.Practices[p.Key])
		}
		fmt.Fprintf(&b, " %d |\n", m.Total)
	}
	b.WriteString("\n")

	if len(gaps) > 0 {
		b.WriteString("## Gaps to be honest about\n\n")
		for _, g := range gaps {
			fmt.Fprintf(&b, "- Nothing logged under %s in this period.\n", g)
		}
		b.WriteString("\n")
	}
	if author != "" {
		b.WriteString(markdown.Text(author) + "\n")
	}
	return b.String()
}

// monthsLine says in how many of the period's months anything was
// logged; a one-month period needs no such sentence.
func monthsLine(logged, total int) string {
	switch {
	case total <= 1:
		return ""
	case logged == total:
		return fmt.Sprintf(" I logged work in every one of these %d months.", total)
	default:
		return fmt.Sprintf(" I logged work in %d of these %d months.", logged, total)
	}
}

// strongestLine introduces a practice's list: how many entries, and
// whether the list is all of them or the strongest few.
func strongestLine(p journal.ReviewPractice) string {
	switch {
	case p.Count == 1:
		return "1 entry in the period:"
	case len(p.Entries) == 1:
		return fmt.Sprintf("%d entries in the period. The strongest:", p.Count)
	case len(p.Entries) < p.Count:
		return fmt.Sprintf("%d entries in the period. The strongest %d:", p.Count, len(p.Entries))
	default:
		return fmt.Sprintf("%d entries in the period, strongest first:", p.Count)
	}
}

// evidenceLine is one entry as a linked claim with why it is strong.
func evidenceLine(l *i18n.Localizer, ev journal.Evidence, base string, withBoss bool) string {
	e := ev.Entry
	s := fmt.Sprintf("[%s](%s/entries/%d) (%s", markdown.Text(e.Summary), base, e.ID, l.Date(e.OccurredOn, i18n.DayMonthYear))
	if withBoss {
		s += ", with " + markdown.Text(e.BossName)
	}
	s += ")"
	var why []string
	if ev.Kept > 0 {
		why = append(why, plural(ev.Kept, "follow-up kept on time", "follow-ups kept on time"))
	}
	if ev.Priority && e.PriorityText != "" {
		why = append(why, "served "+markdown.Text(e.PriorityText))
	}
	if ev.Decided {
		why = append(why, "the problem got a decision")
	}
	if ev.BetReviewed {
		why = append(why, "the bet was reviewed")
	}
	if len(why) > 0 {
		s += ": " + strings.Join(why, "; ")
	}
	return s
}

// promiseLine describes one side of the ledger.
func promiseLine(l *i18n.Localizer, who string, c journal.PromiseCounts) string {
	s := fmt.Sprintf("%s: %s fell due, %d kept on time, %d late, %d overdue", who, plural(c.Due, "promise", "promises"), c.OnTime, c.Late, c.Overdue)
	if rate, ok := c.Rate(); ok {
		s += " (" + l.Percent(rate) + " on time)"
	}
	return s + fmt.Sprintf("; %d not yet due, %d withdrawn.", c.Open, c.Withdrawn)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// dayCount writes a number of days, which a median may make a half.
func dayCount(l *i18n.Localizer, d float64) string {
	s := l.Decimal(d, -1)
	if d == 1 {
		return s + " day"
	}
	return s + " days"
}
