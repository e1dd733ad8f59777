package web

import (
	"context"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// ManualFormOf fills the manual form from the stored manual.
func ManualFormOf(m journal.Manual) Form {
	return Form{Values: map[string]string{
		"manual_prefers": m.Prefers, "manual_channel": m.Channel, "manual_cares": m.Cares,
		"manual_frustrations": m.Frustrations, "manual_notes": m.Notes,
	}}
}

// driftText is "2 in 4 weeks · 5 in 12 weeks (40% of entries)".
func driftText(ctx context.Context, d journal.Drift) string {
	return fmt.Sprintf("%d in 4 weeks · %d in 12 weeks (%s of entries)", d.Short, d.Long, percent(ctx, d.Share))
}

// sinceText says how long a priority has waited.
func driftSince(d journal.Drift) string {
	switch {
	case d.LastTouched == "" && d.WeeksSince == 0:
		return "no entry yet"
	case d.LastTouched == "":
		return fmt.Sprintf("no entry in the %s since it was noted", weeksText(d.WeeksSince))
	case d.WeeksSince == 0:
		return "touched this week"
	}
	return "last touched " + weeksText(d.WeeksSince) + " ago"
}

func weeksText(n int) string {
	if n == 1 {
		return "1 week"
	}
	return fmt.Sprintf("%d weeks", n)
}
