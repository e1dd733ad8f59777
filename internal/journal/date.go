package journal

import "time"

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
