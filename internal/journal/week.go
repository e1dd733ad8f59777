package journal

import "fmt"

// WeekOf returns the ISO week (Monday to Sunday) that holds date: its label
// such as "2026-W48" and its first and last dates.
func WeekOf(date string) (label, start, end string) {
	t, ok := ParseDate(date)
	if !ok {
		return "", "", ""
	}
	year, week := t.ISOWeek()
	offset := (int(t.Weekday()) + 6) % 7 // days since Monday
	monday := t.AddDate(0, 0, -offset)
	return fmt.Sprintf("%04d-W%02d", year, week), monday.Format(DateLayout), monday.AddDate(0, 0, 6).Format(DateLayout)
}
