package journal

import (
	"testing"
	"time"
)

func TestWeekOfDate(t *testing.T) {
	tests := []struct{ date, label, start, end string }{
		{"2026-11-27", "2026-W48", "2026-11-23", "2026-11-29"},
		{"2026-11-23", "2026-W48", "2026-11-23", "2026-11-29"}, // Monday
		{"2026-11-29", "2026-W48", "2026-11-23", "2026-11-29"}, // Sunday
		{"2026-11-30", "2026-W49", "2026-11-30", "2026-12-06"}, // the next Monday
		{"2026-12-31", "2026-W53", "2026-12-28", "2027-01-03"},
		{"2027-01-03", "2026-W53", "2026-12-28", "2027-01-03"}, // a 2027 date in 2026's week 53
		{"2027-01-04", "2027-W01", "2027-01-04", "2027-01-10"},
		{"2025-12-29", "2026-W01", "2025-12-29", "2026-01-04"}, // a 2025 date in 2026's week 1
		{"2024-02-29", "2024-W09", "2024-02-26", "2024-03-03"},
	}
	for _, tt := range tests {
		w := WeekOfDate(tt.date)
		if label := w.String(); label != tt.label || w.Start != tt.start || w.End != tt.end {
			t.Errorf("WeekOfDate(%s) = %s %s %s, want %s %s %s", tt.date, label, w.Start, w.End, tt.label, tt.start, tt.end)
		}
		p, err := ParseWeek(tt.label)
		if err != nil || p.Start != tt.start || p.End != tt.end {
			t.Errorf("ParseWeek(%s) = %+v, %v; want %s..%s", tt.label, p, err, tt.start, tt.end)
		}
	}
}

func TestParseWeekRejects(t *testing.T) {
	for _, s := range []string{"2026-W54", "2026-W00", "2026-48", "2026-W5", "2025-W53", "26-W10", "2026-w48", "2026-W48x", ""} {
		if _, err := ParseWeek(s); ErrorCode(err) != EINVALID {
			t.Errorf("ParseWeek(%q) = %v, want EINVALID", s, err)
		}
	}
	for _, s := range []string{"2026-W53", "2020-W53", "2027-W52"} {
		if _, err := ParseWeek(s); err != nil {
			t.Errorf("ParseWeek(%q) = %v, want ok", s, err)
		}
	}
}

func TestWeekAdd(t *testing.T) {
	w, _ := ParseWeek("2026-W53")
	if got := w.Add(1).String(); got != "2027-W01" {
		t.Errorf("W53 + 1 = %s", got)
	}
	if got := w.Add(-53).String(); got != "2025-W52" {
		t.Errorf("W53 - 53 = %s", got)
	}
	if d := w.Days(); len(d) != 7 || d[0] != "2026-12-28" || d[6] != "2027-01-03" {
		t.Errorf("days %v", d)
	}
}

func TestCurrentWeekAcrossZones(t *testing.T) {
	load := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	tests := []struct {
		instant string
		zone    string
		want    string
	}{
		// Sunday 29 Nov 2026, 12:00 UTC: Kiritimati (UTC+14) is already in Monday's week.
		{"2026-11-29T12:00:00Z", "Pacific/Kiritimati", "2026-W49"},
		{"2026-11-29T12:00:00Z", "Pacific/Pago_Pago", "2026-W48"},
		{"2026-11-29T12:00:00Z", "UTC", "2026-W48"},
		// Monday 00:30 in Berlin is still Sunday in UTC.
		{"2026-11-29T23:30:00Z", "Europe/Berlin", "2026-W49"},
		{"2026-11-29T23:30:00Z", "UTC", "2026-W48"},
		// DST: Berlin leaves summer time on Sunday 25 Oct 2026; that Sunday belongs to W43.
		{"2026-10-25T22:59:00Z", "Europe/Berlin", "2026-W43"},
		{"2026-10-25T23:00:00Z", "Europe/Berlin", "2026-W44"},
		// New York's spring-forward Sunday, 8 Mar 2026.
		{"2026-03-09T03:59:00Z", "America/New_York", "2026-W10"},
		{"2026-03-09T04:00:00Z", "America/New_York", "2026-W11"},
		// New Year in Auckland while it is still 2026 in UTC.
		{"2026-12-31T12:00:00Z", "Pacific/Auckland", "2026-W53"},
		{"2027-01-03T11:00:00Z", "Pacific/Auckland", "2027-W01"},
	}
	for _, tt := range tests {
		now, _ := time.Parse(time.RFC3339, tt.instant)
		if got := CurrentWeek(now, load(tt.zone)).String(); got != tt.want {
			t.Errorf("%s in %s: week %s, want %s", tt.instant, tt.zone, got, tt.want)
		}
	}
}
