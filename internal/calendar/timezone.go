package calendar

import (
	"fmt"
	"time"

	ics "github.com/arran4/golang-ical"
)

// transition is one change of a zone's offset.
type transition struct {
	at       time.Time // the instant, in UTC
	from, to int       // offsets before and after, seconds east of UTC
	name     string    // the abbreviation after
	dst      bool      // whether the offset after is daylight time
}

// local is the transition's wall-clock time in the offset before it, as
// an observance's DTSTART and RDATE are written (RFC 5545 §3.6.5).
func (t transition) local() time.Time { return t.at.In(time.FixedZone("", t.from)) }

// sameKind reports whether u changes between the same offsets as t.
func (t transition) sameKind(u transition) bool {
	return t.from == u.from && t.to == u.to && t.name == u.name && t.dst == u.dst
}

// yearly is a rule for one kind of transition that happens once a year:
// in month, on the nth weekday (n = -1 for the last), at clock (time of
// day in the offset before the change, which may pass midnight).
type yearly struct {
	month   time.Month
	weekday time.Weekday
	n       int
	clock   time.Duration
}

// on returns the rule's instant in year y for changes away from offset.
func (r yearly) on(y, offset int) time.Time {
	var day int
	if r.n > 0 {
		first := time.Date(y, r.month, 1, 0, 0, 0, 0, time.UTC).Weekday()
		day = 1 + (int(r.weekday)-int(first)+7)%7 + 7*(r.n-1)
	} else {
		last := time.Date(y, r.month+1, 0, 0, 0, 0, 0, time.UTC)
		day = last.Day() - (int(last.Weekday())-int(r.weekday)+7)%7
	}
	return time.Date(y, r.month, day, 0, 0, 0, 0, time.FixedZone("", offset)).Add(r.clock).UTC()
}

// rrule writes the rule as an RRULE value.
func (r yearly) rrule() string {
	return fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", r.month, r.n, isoDays[isoWeekday(r.weekday)])
}

func isoWeekday(d time.Weekday) int {
	if d == time.Sunday {
		return 7
	}
	return int(d)
}

// candidates are the yearly rules that could have made t: its weekday's
// place in the month counted from the start and, in the month's last
// week, from the end. Only the one that matches Go's data for every year
// up to the horizon is used.
func candidates(t transition) []yearly {
	l := t.local()
	midnight := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, l.Location())
	r := yearly{month: l.Month(), weekday: l.Weekday(), clock: l.Sub(midnight)}
	var out []yearly
	if n := (l.Day()-1)/7 + 1; n <= 4 {
		r.n = n
		out = append(out, r)
	}
	if l.AddDate(0, 0, 7).Month() != l.Month() {
		r.n = -1
		out = append(out, r)
	}
	return out
}

// transitions lists loc's changes from the one that began the offset in
// force at from, through to. A zone that has never changed has none.
func transitions(loc *time.Location, from, to time.Time) []transition {
	var out []transition
	t := lastChange(loc, from)
	if t.IsZero() {
		t = nextChange(loc, from, to)
	}
	for !t.IsZero() {
		was, is := zoneAt(loc, t.Add(-time.Second)), zoneAt(loc, t)
		out = append(out, transition{at: t.UTC(), from: was.offset, to: is.offset, name: is.name, dst: is.dst})
		t = nextChange(loc, t, to)
	}
	return out
}

// zone is what a location says about one instant.
type zone struct {
	name   string
	offset int
	dst    bool
}

func zoneAt(loc *time.Location, t time.Time) zone {
	l := t.In(loc)
	name, off := l.Zone()
	return zone{name, off, l.IsDST()}
}

// probeStep is how far apart probeChange and lastChange look: no zone
// changes twice within a day.
const probeStep = 24 * time.Hour

// ruleYears is how many years up to the horizon a yearly rule must fit
// Go's data, every year, before it is written: with the horizon 30 years
// ahead, the rule is the zone's current one, not a pattern of a few years.
const ruleYears = horizonYears - 1

// nextChange returns the first instant after t, and not after limit, at
// which loc's zone differs from the one at t, or the zero time. Go's
// Time.ZoneBounds is taken only where it holds: beyond its table of
// transitions (2037) it reports year ends as bounds, where nothing
// changes, and around some an end before the instant asked about; there
// the zone is probed a day at a time instead.
func nextChange(loc *time.Location, t, limit time.Time) time.Time {
	t = t.Truncate(time.Second) // changes fall on whole seconds; bisect keeps to them
	at := zoneAt(loc, t)
	for cur := t; !cur.After(limit); {
		_, end := cur.In(loc).ZoneBounds()
		switch {
		case end.IsZero():
			return time.Time{}
		case !end.After(cur) || zoneAt(loc, end.Add(-time.Second)) != at:
			return probeChange(loc, cur, limit, at)
		case zoneAt(loc, end) == at:
			cur = end // a bound where nothing changes
		case end.After(limit):
			return time.Time{}
		default:
			return end
		}
	}
	return time.Time{}
}

// probeChange looks a day at a time from t for a zone other than at.
func probeChange(loc *time.Location, t, limit time.Time, at zone) time.Time {
	for lo := t; lo.Before(limit); lo = lo.Add(probeStep) {
		hi := lo.Add(probeStep)
		if zoneAt(loc, hi) != at {
			if c := bisect(loc, lo, hi, at); !c.After(limit) {
				return c
			}
			return time.Time{}
		}
	}
	return time.Time{}
}

// lastChange returns the instant at which the zone in force at t began,
// or the zero time if it always was.
func lastChange(loc *time.Location, t time.Time) time.Time {
	t = t.Truncate(time.Second)
	at := zoneAt(loc, t)
	for hi, n := t, 0; n < 400; hi, n = hi.Add(-probeStep), n+1 {
		lo := hi.Add(-probeStep)
		if zoneAt(loc, lo) != at {
			return bisect(loc, lo, hi, zoneAt(loc, lo))
		}
	}
	// Long settled: Go's table bounds are right for the past.
	start, _ := t.In(loc).ZoneBounds()
	if start.IsZero() || zoneAt(loc, start.Add(-time.Second)) == at {
		return time.Time{}
	}
	return start
}

// bisect finds the first second in (lo, hi] whose zone is not was.
func bisect(loc *time.Location, lo, hi time.Time, was zone) time.Time {
	for hi.Sub(lo) > time.Second {
		mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
		if zoneAt(loc, mid) == was {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// ruleRun finds the yearly rule, if any, that the last transitions of
// one kind (those like last) follow every year up to horizon, and
// returns it with the index in ts of the first change it describes.
// The rule is checked against every year of Go's data: each year from
// the run's first to the horizon has exactly the rule's instant.
func ruleRun(ts []transition, last int, horizon time.Time) (yearly, int, bool) {
	var best yearly
	bestFirst := -1
	for _, r := range candidates(ts[last]) {
		first := -1
		for i := last; i >= 0; i-- {
			if !ts[i].sameKind(ts[last]) {
				continue
			}
			if !ts[i].at.Equal(r.on(ts[i].at.Year(), ts[i].from)) {
				break
			}
			first = i
		}
		if first < 0 || ts[first].at.After(horizon.AddDate(-ruleYears, 0, 0)) || !coversYears(ts, first, last, r, horizon) {
			continue
		}
		if bestFirst < 0 || first < bestFirst {
			best, bestFirst = r, first
		}
	}
	return best, bestFirst, bestFirst >= 0
}

// coversYears reports whether the changes of ts[last]'s kind from first
// to last fall one a year, on the rule's instant, with no year missing up
// to horizon.
func coversYears(ts []transition, first, last int, r yearly, horizon time.Time) bool {
	want := ts[first].at.Year()
	for i := first; i <= last; i++ {
		if !ts[i].sameKind(ts[last]) {
			continue
		}
		if ts[i].at.Year() != want || !ts[i].at.Equal(r.on(want, ts[i].from)) {
			return false
		}
		want++
	}
	return r.on(want, ts[last].from).After(horizon)
}

// Timezone builds the VTIMEZONE for loc (RFC 5545 §3.6.5), right from the
// offset in force at from until at least to, and, where the zone follows
// a yearly rule, for ever after. Go exposes a zone's transitions, not its
// rules, so the rules are derived: for each kind of change (into and out
// of daylight time) that happens every year up to to, the month, weekday
// and time that make every one of them is written as an RRULE whose
// DTSTART is the first change it describes. Changes no rule describes
// (earlier history, or a zone like Africa/Casablanca whose changes follow
// no yearly pattern) are listed as RDATEs, one observance per kind. A zone
// without daylight time gets a STANDARD part only.
func Timezone(loc *time.Location, from, to time.Time) *ics.VTimezone {
	tz := ics.NewTimezone(loc.String())
	ts := transitions(loc, from, to)
	if len(ts) == 0 {
		name, off := from.In(loc).Zone()
		addObservance(tz, transition{at: time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), from: off, to: off, name: name}, "", nil)
		return tz
	}
	ruled := make([]bool, len(ts))
	a, b := len(ts)-1, otherKind(ts)
	var ra, rb yearly
	var fa, fb int
	okA, okB := false, false
	if b >= 0 {
		ra, fa, okA = ruleRun(ts, a, to)
		rb, fb, okB = ruleRun(ts, b, to)
	}
	// Both kinds follow a rule, or both are listed: one kind ruled and
	// the other listed would leave the zone half right after the horizon.
	if !okA || !okB {
		addListed(tz, ts, ruled)
		return tz
	}
	markRun(ts, ruled, fa, a)
	markRun(ts, ruled, fb, b)
	addListed(tz, ts, ruled)
	addObservance(tz, ts[fb], rb.rrule(), nil)
	addObservance(tz, ts[fa], ra.rrule(), nil)
	return tz
}

// otherKind returns the index of the last transition of another kind than
// the very last, or -1 when all are alike (a zone without daylight time).
func otherKind(ts []transition) int {
	last := ts[len(ts)-1]
	for i := len(ts) - 2; i >= 0; i-- {
		if !ts[i].sameKind(last) {
			return i
		}
	}
	return -1
}

// markRun marks the changes like ts[last] from first to last as ruled.
func markRun(ts []transition, ruled []bool, first, last int) {
	for i := first; i <= last; i++ {
		if ts[i].sameKind(ts[last]) {
			ruled[i] = true
		}
	}
}

// addListed adds one observance per kind of the transitions not ruled:
// DTSTART the first, an RDATE for each later one.
func addListed(tz *ics.VTimezone, ts []transition, ruled []bool) {
	done := make([]bool, len(ts))
	for i, t := range ts {
		if ruled[i] || done[i] {
			continue
		}
		var more []transition
		for j := i + 1; j < len(ts); j++ {
			if !ruled[j] && !done[j] && ts[j].sameKind(t) {
				more = append(more, ts[j])
				done[j] = true
			}
		}
		addObservance(tz, t, "", more)
	}
}

// addObservance adds a STANDARD or DAYLIGHT block that starts at t, with
// rrule if not empty and an RDATE for each of more.
func addObservance(tz *ics.VTimezone, t transition, rrule string, more []transition) {
	var cb *ics.ComponentBase
	if t.dst {
		d := &ics.Daylight{}
		tz.Components = append(tz.Components, d)
		cb = &d.ComponentBase
	} else {
		cb = &tz.AddStandard().ComponentBase
	}
	cb.SetProperty(ics.ComponentPropertyDtStart, t.local().Format(localLayout))
	cb.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(t.from))
	cb.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(t.to))
	cb.SetProperty(ics.ComponentProperty(ics.PropertyTzname), t.name)
	if rrule != "" {
		cb.SetProperty(ics.ComponentPropertyRrule, rrule)
	}
	for _, m := range more {
		cb.AddProperty(ics.ComponentPropertyRdate, m.local().Format(localLayout))
	}
}
