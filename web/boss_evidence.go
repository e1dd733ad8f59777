package web

import (
	"context"

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
	return t(ctx, "evidence.drift_counts", map[string]any{"Short": d.Short, "Long": d.Long, "Percent": percent(ctx, d.Share)})
}

// driftSince says how long a priority has waited.
func driftSince(ctx context.Context, d journal.Drift) string {
	switch {
	case d.LastTouched == "" && d.WeeksSince == 0:
		return t(ctx, "evidence.no_entry_yet")
	case d.LastTouched == "":
		return n(ctx, "evidence.no_entry_since", d.WeeksSince)
	case d.WeeksSince == 0:
		return t(ctx, "evidence.touched_this_week")
	}
	return n(ctx, "evidence.touched_ago", d.WeeksSince)
}
