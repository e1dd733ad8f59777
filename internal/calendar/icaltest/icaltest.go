// Package icaltest reads an iCalendar feed as an outside client would,
// for tests: golang-ical parses the text, rrule-go expands the recurrence
// rules, and local times resolve through the feed's own VTIMEZONE, never
// through Go's zone database. Only tests import it.
package icaltest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/teambition/rrule-go"
)

const localLayout = "20060102T150405"

// Zone is a VTIMEZONE's changes of offset, up to the instant it was read to.
type Zone struct {
	ID      string
	changes []change // ascending
}

type change struct {
	at time.Time
	to int // seconds east of UTC from at on
}

// ReadZone expands every observance of tz (DTSTART, RRULE, RDATE) into
// the instants it begins, up to until. It checks what RFC 5545 asks of
// each: an RRULE's UNTIL is in UTC, and its DTSTART is its first instance.
func ReadZone(tz *ics.VTimezone, until time.Time) (*Zone, error) {
	z := &Zone{ID: tz.GetProperty(ics.ComponentPropertyTzid).Value}
	for _, c := range tz.Components {
		var props []ics.IANAProperty
		switch o := c.(type) {
		case *ics.Standard:
			props = o.Properties
		case *ics.Daylight:
			props = o.Properties
		default:
			continue
		}
		if err := z.addObservance(props, until); err != nil {
			return nil, fmt.Errorf("%s: %w", z.ID, err)
		}
	}
	slices.SortFunc(z.changes, func(a, b change) int { return a.at.Compare(b.at) })
	return z, nil
}

func (z *Zone) addObservance(props []ics.IANAProperty, until time.Time) error {
	var start time.Time
	var from, to int
	var rule string
	var rdates []string
	for _, p := range props {
		var err error
		switch ics.Property(p.IANAToken) {
		case ics.PropertyDtstart:
			start, err = time.Parse(localLayout, p.Value)
		case ics.PropertyTzoffsetfrom:
			from, err = parseOffset(p.Value)
		case ics.PropertyTzoffsetto:
			to, err = parseOffset(p.Value)
		case ics.PropertyRrule:
			rule = p.Value
		case ics.PropertyRdate:
			rdates = append(rdates, strings.Split(p.Value, ",")...)
		}
		if err != nil {
			return err
		}
	}
	if start.IsZero() {
		return fmt.Errorf("observance without DTSTART")
	}
	// Wall times are kept in UTC as floating times, then shifted by the
	// offset in force before the change.
	walls := []time.Time{start}
	if rule != "" {
		if strings.Contains(rule, "UNTIL=") && !strings.Contains(rule, "Z") {
			return fmt.Errorf("RRULE %q: UNTIL not in UTC", rule)
		}
		opt, err := rrule.StrToROptionInLocation(rule, time.UTC)
		if err != nil {
			return fmt.Errorf("RRULE %q: %w", rule, err)
		}
		opt.Dtstart = start
		r, err := rrule.NewRRule(*opt)
		if err != nil {
			return err
		}
		walls = r.Between(start, until.Add(48*time.Hour), true)
		if len(walls) == 0 || !walls[0].Equal(start) {
			return fmt.Errorf("RRULE %q: DTSTART %s is not its first instance", rule, start.Format(localLayout))
		}
	}
	for _, d := range rdates {
		t, err := time.Parse(localLayout, d)
		if err != nil {
			return fmt.Errorf("RDATE %q: %w", d, err)
		}
		walls = append(walls, t)
	}
	for _, w := range walls {
		z.changes = append(z.changes, change{at: w.Add(-time.Duration(from) * time.Second), to: to})
	}
	return nil
}

func parseOffset(s string) (int, error) {
	if len(s) != 5 && len(s) != 7 || (s[0] != '+' && s[0] != '-') {
		return 0, fmt.Errorf("offset %q", s)
	}
	n := 0
	for i, unit := range []int{3600, 60, 1} {
		if 1+2*i+2 > len(s) {
			break
		}
		v, err := strconv.Atoi(s[1+2*i : 3+2*i])
		if err != nil {
			return 0, fmt.Errorf("offset %q", s)
		}
		n += v * unit
	}
	if s[0] == '-' {
		n = -n
	}
	return n, nil
}

// OffsetAt is the offset the zone gives instant t.
func (z *Zone) OffsetAt(t time.Time) (int, bool) {
	i, _ := slices.BinarySearchFunc(z.changes, t, func(c change, t time.Time) int {
		if c.at.After(t) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return 0, false
	}
	return z.changes[i-1].to, true
}

// Instant resolves a floating wall time (its fields read as local time)
// to the instant it names in the zone.
func (z *Zone) Instant(wall time.Time) (time.Time, error) {
	seen := map[int]bool{}
	for _, c := range z.changes {
		if seen[c.to] {
			continue
		}
		seen[c.to] = true
		t := wall.Add(-time.Duration(c.to) * time.Second)
		if off, ok := z.OffsetAt(t); ok && off == c.to {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%s: no offset names %s", z.ID, wall.Format(localLayout))
}

// Occurrences expands event's DTSTART;TZID and RRULE through zone up to
// until, as instants.
func Occurrences(event *ics.VEvent, zone *Zone, until time.Time) ([]time.Time, error) {
	p := event.GetProperty(ics.ComponentPropertyDtStart)
	if p == nil || len(p.ICalParameters["TZID"]) != 1 || p.ICalParameters["TZID"][0] != zone.ID {
		return nil, fmt.Errorf("DTSTART %v is not in zone %s", p, zone.ID)
	}
	start, err := time.Parse(localLayout, p.Value)
	if err != nil {
		return nil, err
	}
	walls := []time.Time{start}
	if rp := event.GetProperty(ics.ComponentPropertyRrule); rp != nil {
		opt, err := rrule.StrToROptionInLocation(rp.Value, time.UTC)
		if err != nil {
			return nil, err
		}
		opt.Dtstart = start
		r, err := rrule.NewRRule(*opt)
		if err != nil {
			return nil, err
		}
		walls = r.Between(start, until, true)
	}
	out := make([]time.Time, len(walls))
	for i, w := range walls {
		if out[i], err = zone.Instant(w); err != nil {
			return nil, err
		}
	}
	return out, nil
}
