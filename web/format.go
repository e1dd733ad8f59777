package web

import (
	"context"
	"strconv"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

func id(n int64) string { return strconv.FormatInt(n, 10) }

// kindLabel names an entry's kind in the reader's language.
func kindLabel(ctx context.Context, k string) string {
	return optionLabel(ctx, "entry.kind_", journal.Kinds, k)
}

func relationLabel(r string) string { return journal.OptionLabel(journal.Relations, r) }

// ownerLabel says who owes a follow-up, in the reader's language.
func ownerLabel(ctx context.Context, o string) string {
	if o == "boss" {
		return t(ctx, "followup.boss_owes")
	}
	return t(ctx, "followup.i_owe")
}

// longDate writes 2026-11-27 as "Fri 27 Nov 2026", as pages do.
func longDate(s string) string { return journal.FormatDate(s, journal.DayYearLayout) }

// dueText says when a follow-up is or was due, in the reader's language
// (its dates stay English).
func dueText(ctx context.Context, f *journal.FollowUp, today string) string {
	switch {
	case f.DoneAt != nil:
		return t(ctx, "followup.done_on", map[string]string{"Date": longDate(f.DoneOn)})
	case f.DueOn == "":
		return t(ctx, "followup.no_due")
	case f.Overdue(today):
		return t(ctx, "followup.overdue_since", map[string]string{"Date": longDate(f.DueOn)})
	case f.DueOn == today:
		return t(ctx, "followup.due_today")
	default:
		return t(ctx, "followup.due_on", map[string]string{"Date": longDate(f.DueOn)})
	}
}

func sinceText(t time.Time) string { return t.UTC().Format("2 Jan 2006") }
