package journal

import (
	"iter"
	"strconv"
	"strings"
	"time"
)

// ParseClock parses "HH:MM" (24-hour) into hours and minutes.
func ParseClock(s string) (h, m int, ok bool) {
	hh, mm, found := strings.Cut(s, ":")
	if !found || len(hh) != 2 || len(mm) != 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// zoneProbe is how far before and after a wall time LocalTime looks for
// the offsets that may apply to it. Zones never change offset twice within
// this span.
const zoneProbe = 48 * time.Hour

// LocalTime returns the instant a wall-clock time on a date has in loc,
// the way RFC 5545 §3.3.5 reads a local time: a time that falls in a
// spring-forward gap takes the offset in force before the gap (so 02:30 on
// Berlin's spring-forward day is 03:30 CEST), and a time that occurs twice
// means its first occurrence. time.Date leaves both choices open.
func LocalTime(date time.Time, h, m int, loc *time.Location) time.Time {
	naive := time.Date(date.Year(), date.Month(), date.Day(), h, m, 0, 0, time.UTC)
	var best time.Time
	for _, probe := range []time.Time{naive.Add(-zoneProbe), naive, naive.Add(zoneProbe)} {
		_, off := probe.In(loc).Zone()
		t := naive.Add(-time.Duration(off) * time.Second)
		l := t.In(loc)
		if l.Hour() != h || l.Minute() != m || l.Day() != date.Day() {
			continue // this offset does not give that wall time
		}
		if best.IsZero() || t.Before(best) {
			best = t
		}
	}
	if !best.IsZero() {
		return best
	}
	// In a gap: the offset before it is the one in force a while earlier.
	_, off := naive.Add(-zoneProbe).In(loc).Zone()
	return naive.Add(-time.Duration(off) * time.Second)
}

// isoWeekday returns 1 for Monday through 7 for Sunday.
func isoWeekday(t time.Time) int { return (int(t.Weekday())+6)%7 + 1 }

// localDays yields the local dates from the day before from's through
// to's: every day that a moment in (from, to] can be reached from, when
// what happens that day (a meeting, say) may run past midnight.
func localDays(from, to time.Time, loc *time.Location) iter.Seq[time.Time] {
	return func(yield func(time.Time) bool) {
		last := localDate(to, loc)
		for d := localDate(from, loc).AddDate(0, 0, -1); !d.After(last); d = d.AddDate(0, 0, 1) {
			if !yield(d) {
				return
			}
		}
	}
}

// inSpan reports whether t falls in (from, to].
func inSpan(t, from, to time.Time) bool { return t.After(from) && !t.After(to) }

// localDate returns midnight UTC of the calendar date t has in loc, a
// zone-free date to count days with.
func localDate(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}
