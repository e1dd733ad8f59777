package report

import (
	"fmt"
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// ReviewDraft writes the review composer's period as the first draft of a
// self-review, in l's language. base is the app's address
// ("https://leadup.example/app", or just the base path when no public
// address is configured): every claim links back to its entry.
func ReviewDraft(l *i18n.Localizer, r *journal.Review, base, author string) string {
	var b strings.Builder
	f := r.Filter
	heading(&b, "# ", l.T("report.review.title", map[string]string{"From": l.Date(f.From, i18n.Full), "To": l.Date(f.To, i18n.Full)}))
	if r.BossName != "" {
		b.WriteString(l.T("report.review.with_only", map[string]string{"Name": markdown.Text(r.BossName)}) + "\n\n")
	}
	if r.Empty() {
		b.WriteString(l.T("report.review.empty") + "\n")
		return b.String()
	}
	months := 0
	for _, m := range r.Months {
		if m.Total > 0 {
			months++
		}
	}
	b.WriteString(l.T("report.review.intro") + monthsLine(l, months, len(r.Months)) + "\n\n")
	var gaps []string
	for _, p := range r.Practices {
		label := practiceLabel(l, p.Key)
		if p.Count == 0 {
			gaps = append(gaps, label)
			continue
		}
		heading(&b, "## ", label)
		b.WriteString(strongestLine(l, p) + "\n\n")
		for _, ev := range p.Entries {
			fmt.Fprintf(&b, "- %s\n", evidenceLine(l, ev, base, r.BossName == ""))
		}
		if p.Count > len(p.Entries) {
			fmt.Fprintf(&b, "- [%s](%s/entries?%s)\n", l.N("report.review.all_entries", p.Count), base, journal.PracticeEntriesQuery(f, p.Key))
		}
		b.WriteString("\n")
	}
	if len(r.Priorities) > 0 {
		heading(&b, "## ", l.T("report.review.priorities"))
		for _, p := range r.Priorities {
			served := markdown.Text(p.Text) + " (" + markdown.Text(p.BossName) + ")"
			fmt.Fprintf(&b, "- %s\n", l.T("report.label_text", map[string]string{"Label": served, "Text": l.N("report.review.entries", p.Entries)}))
		}
		b.WriteString("\n")
	}
	if r.Promises.Total() > 0 {
		heading(&b, "## ", l.T("report.review.promises"))
		fmt.Fprintf(&b, "- %s\n", promiseLine(l, l.T("report.promises.mine"), r.Promises.Me))
		fmt.Fprintf(&b, "- %s\n\n", promiseLine(l, l.T("report.promises.to_me"), r.Promises.Boss))
	}
	if p := r.Problems; p.Raised > 0 {
		heading(&b, "## ", l.T("report.review.problems"))
		b.WriteString(l.N("report.review.problems_line", p.Raised, map[string]any{"Taken": p.Taken, "Changed": p.Changed, "Declined": p.Declined, "Open": p.Open}) + "\n\n")
	}
	if bt := r.Bets; bt.Placed > 0 {
		heading(&b, "## ", l.T("report.review.bets"))
		bets := map[string]any{"Better": bt.Better, "AsExpected": bt.AsExpected, "Worse": bt.Worse, "CalledOff": bt.CalledOff, "Due": bt.Due}
		if bt.Due > 0 {
			b.WriteString(l.N("report.review.bets_due", bt.Placed, bets) + "\n\n")
		} else {
			b.WriteString(l.N("report.review.bets_line", bt.Placed, bets) + "\n\n")
		}
	}
	if r.Forecasts != nil {
		heading(&b, "## ", l.T("report.review.forecasts"))
		n := r.Forecasts
		median := n.Measure() != ""
		fmt.Fprintf(&b, "- %s\n", l.N("report.review.warning", n.Forecasts, map[string]any{"Days": dayCount(l, median, n.WarningDays)}))
		fmt.Fprintf(&b, "- %s\n\n", l.T("report.review.raise", map[string]string{"Days": dayCount(l, median, n.RaiseDays)}))
	}
	writeMonths(l, &b, r.Months)
	if len(gaps) > 0 {
		heading(&b, "## ", l.T("report.review.gaps"))
		for _, g := range gaps {
			fmt.Fprintf(&b, "- %s\n", l.T("report.review.gap", map[string]string{"Practice": g}))
		}
		b.WriteString("\n")
	}
	if author != "" {
		b.WriteString(markdown.Text(author) + "\n")
	}
	return b.String()
}

// writeMonths writes the period's months as a table of entries per
// practice.
func writeMonths(l *i18n.Localizer, b *strings.Builder, months []journal.MonthCount) {
	heading(b, "## ", l.T("report.review.months"))
	b.WriteString("| " + l.T("report.review.col_month") + " |")
	for _, p := range journal.Practices {
		b.WriteString(" " + practiceLabel(l, p.Key) + " |")
	}
	b.WriteString(" " + l.T("report.review.col_all") + " |\n|---|")
	for range journal.Practices {
		b.WriteString("---:|")
	}
	b.WriteString("---:|\n")
	for _, m := range months {
		fmt.Fprintf(b, "| %s |", m.Month)
		for _, p := range journal.Practices {
			fmt.Fprintf(b, " %d |", m.Practices[p.Key])
		}
		fmt.Fprintf(b, " %d |\n", m.Total)
	}
	b.WriteString("\n")
}

// monthsLine says in how many of the period's months anything was
// logged, after a space; a one-month period needs no such sentence.
func monthsLine(l *i18n.Localizer, logged, total int) string {
	switch {
	case total <= 1:
		return ""
	case logged == total:
		return " " + l.N("report.review.months_all", total)
	default:
		return " " + l.N("report.review.months_some", total, map[string]any{"Logged": logged})
	}
}

// strongestLine introduces a practice's list: how many entries, and
// whether the list is all of them or the strongest few.
func strongestLine(l *i18n.Localizer, p journal.ReviewPractice) string {
	switch {
	case p.Count == 1:
		return l.T("report.review.one_entry")
	case len(p.Entries) == 1:
		return l.N("report.review.strongest_one", p.Count)
	case len(p.Entries) < p.Count:
		return l.N("report.review.strongest_some", p.Count, map[string]any{"Shown": len(p.Entries)})
	default:
		return l.N("report.review.strongest_all", p.Count)
	}
}

// evidenceLine is one entry as a linked claim with why it is strong.
func evidenceLine(l *i18n.Localizer, ev journal.Evidence, base string, withBoss bool) string {
	e := ev.Entry
	notes := []string{l.Date(e.OccurredOn, i18n.DayMonthYear)}
	if withBoss {
		notes = append(notes, withName(l, e.BossName))
	}
	s := fmt.Sprintf("[%s](%s/entries/%d) (%s)", markdown.Text(e.Summary), base, e.ID, strings.Join(notes, ", "))
	var why []string
	if ev.Kept > 0 {
		why = append(why, l.N("report.review.why_kept", ev.Kept))
	}
	if ev.Priority && e.PriorityText != "" {
		why = append(why, l.T("report.review.why_priority", map[string]string{"Text": markdown.Text(e.PriorityText)}))
	}
	if ev.Decided {
		why = append(why, l.T("report.review.why_decided"))
	}
	if ev.BetReviewed {
		why = append(why, l.T("report.review.why_bet"))
	}
	if len(why) > 0 {
		s = l.T("report.label_text", map[string]string{"Label": s, "Text": strings.Join(why, "; ")})
	}
	return s
}

// promiseLine describes one side of the ledger.
func promiseLine(l *i18n.Localizer, who string, c journal.PromiseCounts) string {
	due := l.N("report.promises.due", c.Due, map[string]any{"OnTime": c.OnTime, "Late": c.Late, "Overdue": c.Overdue})
	if rate, ok := c.Rate(); ok {
		due += " " + l.T("report.promises.rate", map[string]string{"Percent": l.Percent(rate)})
	}
	line := l.T("report.promises.line", map[string]any{"Due": due, "Open": c.Open, "Withdrawn": c.Withdrawn})
	return l.T("report.label_text", map[string]string{"Label": who, "Text": line})
}

// dayCount writes a number of days, which a median may make a half.
func dayCount(l *i18n.Localizer, median bool, d float64) string {
	n := map[string]string{"N": l.Decimal(d, -1)}
	days := l.T("report.review.days", n)
	if d == 1 {
		days = l.T("report.review.day", n)
	}
	if median {
		return l.T("report.review.median", map[string]string{"Days": days})
	}
	return days
}
