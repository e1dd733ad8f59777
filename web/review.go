package web

import (
	"context"
	"strconv"
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

// ReviewView is the review composer's page.
type ReviewView struct {
	R        *journal.Review
	Quick    []ReviewLink
	Chart    Chart
	Query    string // the page's own query, for the .md and .json links
	Error    string // a bad period, shown beside the form
	From, To string // as typed
}

// ReviewLink is one quick period link.
type ReviewLink struct {
	Label, Href string
	Current     bool
}

// NewReviewLinks builds the quick links, keeping the boss filter.
func NewReviewLinks(periods []journal.Period, f journal.ReviewFilter) []ReviewLink {
	var out []ReviewLink
	for _, p := range periods {
		h := "/review?from=" + p.From + "&to=" + p.To
		if f.BossID != 0 {
			h += "&boss_id=" + id(f.BossID)
		}
		out = append(out, ReviewLink{Label: p.Label, Href: h, Current: p.From == f.From && p.To == f.To})
	}
	return out
}

// NewMonthChart lays out months as stacked bars, like the week's trend.
// With many months only some carry a label, so they never overlap.
func NewMonthChart(ctx context.Context, months []journal.MonthCount) Chart {
	trend := make([]journal.TrendWeek, len(months))
	for i, m := range months {
		trend[i] = journal.TrendWeek{Practices: m.Practices, Total: m.Total}
	}
	c := NewChart(trend)
	every := (len(months) + 11) / 12
	for i := range c.Bars {
		c.Bars[i].Label = ""
		if i%every == 0 {
			c.Bars[i].Label = monthLabel(ctx, months[i].Month, len(months) > 12 || months[0].Month[:4] != months[len(months)-1].Month[:4])
		}
	}
	return c
}

// monthLabel is "May", or "May 26" when the chart spans years, in the
// reader's language.
func monthLabel(ctx context.Context, m string, withYear bool) string {
	if withYear {
		return loc(ctx).Month(m, i18n.ShortMonthYY)
	}
	return loc(ctx).Month(m, i18n.ShortMonth)
}

// monthName is "May 2026", in the reader's language.
func monthName(ctx context.Context, m string) string { return loc(ctx).Month(m, i18n.MonthYear) }

// evidenceWhy says why an entry is strong evidence, or "".
func evidenceWhy(ctx context.Context, ev journal.Evidence) string {
	var why []string
	if ev.Kept > 0 {
		why = append(why, n(ctx, "review.why_kept", ev.Kept))
	}
	if ev.Priority && ev.Entry.PriorityText != "" {
		why = append(why, t(ctx, "review.why_priority", map[string]any{"Text": ev.Entry.PriorityText}))
	}
	if ev.Decided {
		why = append(why, t(ctx, "review.why_decided"))
	}
	if ev.BetReviewed {
		why = append(why, t(ctx, "review.why_bet"))
	}
	return strings.Join(why, " · ")
}

// rateText is "67% on time", or "" when nothing was due.
func rateText(ctx context.Context, c journal.PromiseCounts) string {
	if r, ok := c.Rate(); ok {
		return percent(ctx, r)
	}
	return "–"
}

// periodLine is "1 Aug – 30 Nov 2026, with Dana only."
func periodLine(ctx context.Context, v ReviewView) string {
	period := dateRange(ctx, v.R.Filter.From, v.R.Filter.To)
	if v.R.BossName != "" {
		return t(ctx, "review.period_with", map[string]any{"Period": period, "Name": v.R.BossName})
	}
	return t(ctx, "review.period_all", map[string]any{"Period": period})
}

// periodError is the period's error in the reader's language: a from or
// to that is not a date is named as typed.
func periodError(ctx context.Context, v ReviewView) string {
	for _, typed := range []string{v.From, v.To} {
		if v.Error == journal.NotADate(typed).Message {
			return t(ctx, "review.not_a_date", map[string]any{"Text": strconv.Quote(typed)})
		}
	}
	return said(ctx, v.Error)
}

func reviewProblemsLine(ctx context.Context, p journal.ProblemStats) string {
	if p.Raised == 0 {
		return t(ctx, "review.problems_none")
	}
	return n(ctx, "review.problems", p.Raised, map[string]any{"Taken": p.Taken, "Changed": p.Changed, "Declined": p.Declined, "Open": p.Open})
}

func reviewBetsLine(ctx context.Context, b journal.BetStats) string {
	if b.Placed == 0 {
		return t(ctx, "review.bets_none")
	}
	return n(ctx, "review.bets", b.Placed, map[string]any{"Better": b.Better, "AsExpected": b.AsExpected, "Worse": b.Worse, "CalledOff": b.CalledOff, "Due": b.Due})
}

func checkedBoss(f journal.ReviewFilter, b journal.BossChoice) bool { return f.BossID == b.ID }
