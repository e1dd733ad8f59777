package web

import (
	"context"
	"strconv"
	"time"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

func id(n int64) string { return strconv.FormatInt(n, 10) }

// kindLabel names an entry's kind in the reader's language.
func kindLabel(ctx context.Context, k string) string {
	return optionLabel(ctx, "entry.kind_", journal.Kinds, k)
}

// relationLabel names a boss's relation to the user in the reader's
// language.
func relationLabel(ctx context.Context, r string) string {
	return optionLabel(ctx, "boss.relation.as_", journal.Relations, r)
}

// priorityStatus names a priority's status in the reader's language.
func priorityStatus(ctx context.Context, s string) string {
	return optionLabel(ctx, "boss.priority.", journal.PriorityStatuses, s)
}

// ownerLabel says who owes a follow-up, in the reader's language.
func ownerLabel(ctx context.Context, o string) string {
	if o == "boss" {
		return t(ctx, "followup.boss_owes")
	}
	return t(ctx, "followup.i_owe")
}

// longDate writes 2026-11-27 as pages do, in the reader's language: "Fri
// 27 Nov 2026", "Fr., 27. Nov. 2026".
func longDate(ctx context.Context, s string) string { return loc(ctx).Date(s, i18n.DayMonthYear) }

// dateRange writes two YYYY-MM-DD dates compactly, in the reader's
// language: "30 Nov – 6 Dec 2026", "30. Nov. – 6. Dez. 2026".
func dateRange(ctx context.Context, start, end string) string {
	return loc(ctx).DateRange(start, end)
}

// percent writes a share (0.42) as a whole percentage, in the reader's
// language: "42%", "42 %".
func percent(ctx context.Context, share float64) string { return loc(ctx).Percent(share) }

// dueText says when a follow-up is or was due, in the reader's language.
func dueText(ctx context.Context, f *journal.FollowUp, today string) string {
	switch {
	case f.DoneAt != nil:
		return t(ctx, "followup.done_on", map[string]string{"Date": longDate(ctx, f.DoneOn)})
	case f.DueOn == "":
		return t(ctx, "followup.no_due")
	case f.Overdue(today):
		return t(ctx, "followup.overdue_since", map[string]string{"Date": longDate(ctx, f.DueOn)})
	case f.DueOn == today:
		return t(ctx, "followup.due_today")
	default:
		return t(ctx, "followup.due_on", map[string]string{"Date": longDate(ctx, f.DueOn)})
	}
}

// sinceText is the day a moment fell on (in UTC), in the reader's
// language: "27 Nov 2026".
func sinceText(ctx context.Context, t time.Time) string { return loc(ctx).Time(t.UTC(), i18n.Plain) }
