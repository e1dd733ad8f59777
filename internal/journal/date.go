package journal

import (
	"fmt"
	"time"
)

// DateLayout is how local dates are written: in forms, the database and URLs.
const DateLayout = "2006-01-02"

// Today returns the date it is now in loc.
func Today(now time.Time, loc *time.Location) string {
	return now.In(loc).Format(DateLayout)
}

// ParseDate parses a YYYY-MM-DD date.
func ParseDate(s string) (time.Time, bool) {
	t, err := time.Parse(DateLayout, s)
	return t, err == nil
}

// AddDays returns the date n days after date, which must be valid.
func AddDays(date string, n int) string {
	t, _ := ParseDate(date)
	return t.AddDate(0, 0, n).Format(DateLayout)
}

// Layouts that dates are written in for people, so that every page and
// document writes a date the same way.
const (
	DayLayout     = "Mon 2 Jan"             // in a list: Fri 27 Nov
	DayYearLayout = "Mon 2 Jan 2006"        // Fri 27 Nov 2026
	FullLayout    = "Monday 2 January 2006" // a heading: Friday 27 November 2026
)

// FormatDate writes a YYYY-MM-DD date in one of the layouts above; a date
// that does not parse comes back as it is.
func FormatDate(date, layout string) string {
	t, ok := ParseDate(date)
	if !ok {
		return date
	}
	return t.Format(layout)
}

// DateRange writes two dates compactly: "23–29 Nov 2026".
func DateRange(start, end string) string {
	s, _ := ParseDate(start)
	e, _ := ParseDate(end)
	switch {
	case s.Month() == e.Month() && s.Year() == e.Year():
		return fmt.Sprintf("%d–%d %s", s.Day(), e.Day(), e.Format("Jan 2006"))
	case s.Year() == e.Year():
		return s.Format("2 Jan") + " – " + e.Format("2 Jan 2006")
	default:
		return s.Format("2 Jan 2006") + " – " + e.Format("2 Jan 2006")
	}
}
