package journal

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Week is an ISO week, Monday to Sunday, written like 2026-W48.
type Week struct {
	Year, Num  int
	Start, End string // local dates, Monday and Sunday
}

var weekPattern = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)

// ParseWeek parses "2026-W48". It refuses malformed labels and weeks the
// year does not have (W00, W54, or W53 in a 52-week year).
func ParseWeek(s string) (Week, error) {
	m := weekPattern.FindStringSubmatch(s)
	bad := Errorf(EINVALID, "%q is not a week: write it like 2026-W48.", s)
	if m == nil {
		return Week{}, bad
	}
	year, _ := strconv.Atoi(m[1])
	num, _ := strconv.Atoi(m[2])
	if year < 1970 || num < 1 || num > WeeksInYear(year) {
		return Week{}, bad
	}
	// Week 1 is the week that holds 4 January.
	jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(num-1))
	return Week{Year: year, Num: num, Start: monday.Format(DateLayout), End: monday.AddDate(0, 0, 6).Format(DateLayout)}, nil
}

// WeeksInYear returns 52 or 53: the ISO week number of 28 December.
func WeeksInYear(year int) int {
	_, w := time.Date(year, time.December, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
	return w
}

// WeekOfDate returns the ISO week that holds a YYYY-MM-DD date.
func WeekOfDate(date string) Week {
	t, ok := ParseDate(date)
	if !ok {
		return Week{}
	}
	year, num := t.ISOWeek()
	monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	return Week{Year: year, Num: num, Start: monday.Format(DateLayout), End: monday.AddDate(0, 0, 6).Format(DateLayout)}
}

// CurrentWeek returns the week it is now in loc: at one instant a user in
// UTC+14 and one in UTC-11 can be in different weeks.
func CurrentWeek(now time.Time, loc *time.Location) Week {
	return WeekOfDate(Today(now, loc))
}

// String returns the label, like 2026-W48.
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Num) }

// Add returns the week n weeks later (earlier for negative n).
func (w Week) Add(n int) Week { return WeekOfDate(AddDays(w.Start, 7*n)) }

// Contains reports whether a date falls in the week.
func (w Week) Contains(date string) bool { return date >= w.Start && date <= w.End }

// Days returns the week's seven dates, Monday first.
func (w Week) Days() []string {
	days := make([]string, 7)
	for i := range days {
		days[i] = AddDays(w.Start, i)
	}
	return days
}
