package journal

import "testing"

func TestWeekOf(t *testing.T) {
	tests := []struct{ date, label, start, end string }{
		{"2026-11-27", "2026-W48", "2026-11-23", "2026-11-29"},
		{"2026-11-23", "2026-W48", "2026-11-23", "2026-11-29"},
		{"2026-11-29", "2026-W48", "2026-11-23", "2026-11-29"},
		{"2026-12-31", "2026-W53", "2026-12-28", "2027-01-03"},
		{"2027-01-03", "2026-W53", "2026-12-28", "2027-01-03"},
		{"2027-01-04", "2027-W01", "2027-01-04", "2027-01-10"},
		{"2025-12-29", "2026-W01", "2025-12-29", "2026-01-04"},
	}
	for _, tt := range tests {
		label, start, end := WeekOf(tt.date)
		if label != tt.label || start != tt.start || end != tt.end {
			t.Errorf("WeekOf(%s) = %s %s %s, want %s %s %s", tt.date, label, start, end, tt.label, tt.start, tt.end)
		}
	}
}
