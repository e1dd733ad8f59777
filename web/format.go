package web

import (
	"strconv"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

func id(n int64) string { return strconv.FormatInt(n, 10) }

func kindLabel(k string) string     { return journal.OptionLabel(journal.Kinds, k) }
func relationLabel(r string) string { return journal.OptionLabel(journal.Relations, r) }
func ownerLabel(o string) string {
	if o == "boss" {
		return "Boss owes"
	}
	return "I owe"
}

// longDate writes 2026-11-27 as "Fri 27 Nov 2026", as pages do.
func longDate(s string) string { return journal.FormatDate(s, journal.DayYearLayout) }

func dueText(f *journal.FollowUp, today string) string {
	switch {
	case f.DoneAt != nil:
		return "done " + longDate(f.DoneOn)
	case f.DueOn == "":
		return "no due date"
	case f.Overdue(today):
		return "overdue since " + longDate(f.DueOn)
	case f.DueOn == today:
		return "due today"
	default:
		return "due " + longDate(f.DueOn)
	}
}

func sinceText(t time.Time) string { return t.UTC().Format("2 Jan 2006") }
