package journal

import (
	"testing"
	"time"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLocalTime(t *testing.T) {
	tests := []struct {
		name, zone, date, clock string
		want                    string // UTC
	}{
		{"berlin winter", "Europe/Berlin", "2026-01-15", "10:00", "2026-01-15T09:00:00Z"},
		{"berlin summer", "Europe/Berlin", "2026-07-15", "10:00", "2026-07-15T08:00:00Z"},
		// 2026-03-29 02:00 CET jumps to 03:00 CEST: 02:30 takes +01:00.
		{"berlin gap takes offset before", "Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T01:30:00Z"},
		// 2026-10-25 03:00 CEST falls back to 02:00 CET: 02:30 happens twice.
		{"berlin repeat takes first", "Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00Z"},
		{"new york gap", "America/New_York", "2026-03-08", "02:15", "2026-03-08T07:15:00Z"},
		{"new york repeat", "America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z"},
		{"auckland summer", "Pacific/Auckland", "2026-11-27", "17:00", "2026-11-27T04:00:00Z"},
		{"kolkata", "Asia/Kolkata", "2026-06-01", "09:45", "2026-06-01T04:15:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := ParseDate(tt.date)
			h, m, _ := ParseClock(tt.clock)
			got := LocalTime(d, h, m, zone(t, tt.zone))
			if !got.Equal(utc(tt.want)) {
				t.Errorf("got %s, want %s", got.UTC().Format(time.RFC3339), tt.want)
			}
		})
	}
}

func TestMeetingsEnding(t *testing.T) {
	berlinWeekly := Schedule{Weekdays: []int{1}, Time: "10:00", DurationMin: 30, EveryWeeks: 1, StartsOn: "2026-03-16"}
	fortnight := Schedule{Weekdays: []int{3}, Time: "14:00", DurationMin: 45, EveryWeeks: 2, StartsOn: "2026-11-04"}
	twoDays := Schedule{Weekdays: []int{2, 4}, Time: "09:00", DurationMin: 60, EveryWeeks: 1, StartsOn: "2026-11-01"}
	tests := []struct {
		name     string
		s        Schedule
		zone     string
		from, to string
		want     []string // UTC ends
	}{
		{"berlin before dst change", berlinWeekly, "Europe/Berlin", "2026-03-23T00:00:00Z", "2026-03-23T23:00:00Z", []string{"2026-03-23T09:30:00Z"}},
		{"berlin after dst change", berlinWeekly, "Europe/Berlin", "2026-03-30T00:00:00Z", "2026-03-30T23:00:00Z", []string{"2026-03-30T08:30:00Z"}},
		{"berlin exact minute is included", berlinWeekly, "Europe/Berlin", "2026-03-30T08:29:00Z", "2026-03-30T08:30:00Z", []string{"2026-03-30T08:30:00Z"}},
		{"berlin one minute early is not", berlinWeekly, "Europe/Berlin", "2026-03-30T08:28:00Z", "2026-03-30T08:29:00Z", nil},
		{"before starts_on nothing", berlinWeekly, "Europe/Berlin", "2026-03-09T00:00:00Z", "2026-03-09T23:00:00Z", nil},
		{"fortnight on week", fortnight, "America/New_York", "2026-11-18T00:00:00Z", "2026-11-19T00:00:00Z", []string{"2026-11-18T19:45:00Z"}},
		{"fortnight off week", fortnight, "America/New_York", "2026-11-11T00:00:00Z", "2026-11-12T00:00:00Z", nil},
		{"fortnight before anchor's week counts back", fortnight, "America/New_York", "2026-10-21T00:00:00Z", "2026-10-22T00:00:00Z", nil},
		{"two weekdays", twoDays, "Asia/Tokyo", "2026-11-23T00:00:00Z", "2026-11-27T00:00:00Z", []string{"2026-11-24T01:00:00Z", "2026-11-26T01:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.s.MeetingsEnding(utc(tt.from), utc(tt.to), zone(t, tt.zone))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d meetings %v, want %v", len(got), got, tt.want)
			}
			for i, m := range got {
				if !m.End.Equal(utc(tt.want[i])) {
					t.Errorf("meeting %d ends %s, want %s", i, m.End.UTC().Format(time.RFC3339), tt.want[i])
				}
			}
		})
	}
}

func TestWeeklyAndDigestFirings(t *testing.T) {
	auckland := NotificationSettings{WeeklyDay: 5, WeeklyTime: "17:00", DigestTime: "08:00"}
	tests := []struct {
		name       string
		kind       string
		zone       string
		from, to   string
		wantAt     []string
		wantPeriod []string
	}{
		// Friday 27 Nov 2026 17:00 NZDT (+13) is 04:00 UTC the same day.
		{"auckland friday 17:00", KindWeeklyReview, "Pacific/Auckland", "2026-11-27T03:59:00Z", "2026-11-27T04:00:00Z", []string{"2026-11-27T04:00:00Z"}, []string{"2026-W48"}},
		{"auckland a minute early", KindWeeklyReview, "Pacific/Auckland", "2026-11-27T03:58:00Z", "2026-11-27T03:59:00Z", nil, nil},
		{"auckland winter friday", KindWeeklyReview, "Pacific/Auckland", "2026-06-05T00:00:00Z", "2026-06-05T06:00:00Z", []string{"2026-06-05T05:00:00Z"}, []string{"2026-W23"}},
		{"berlin digest across fall back", KindFollowUpsDigest, "Europe/Berlin", "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z",
			[]string{"2026-10-24T06:00:00Z", "2026-10-25T07:00:00Z"}, []string{"2026-10-24", "2026-10-25"}},
		{"los angeles digest", KindFollowUpsDigest, "America/Los_Angeles", "2026-11-27T15:00:00Z", "2026-11-27T17:00:00Z", []string{"2026-11-27T16:00:00Z"}, []string{"2026-11-27"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := zone(t, tt.zone)
			var got []Firing
			if tt.kind == KindWeeklyReview {
				got = auckland.WeeklyFirings(utc(tt.from), utc(tt.to), loc)
			} else {
				got = auckland.DigestFirings(utc(tt.from), utc(tt.to), loc)
			}
			if len(got) != len(tt.wantAt) {
				t.Fatalf("got %v, want at %v", got, tt.wantAt)
			}
			for i, f := range got {
				if !f.At.Equal(utc(tt.wantAt[i])) || f.Period != tt.wantPeriod[i] || f.Kind != tt.kind {
					t.Errorf("firing %d: got %s %s %s, want %s %s %s", i, f.Kind, f.Period, f.At.UTC().Format(time.RFC3339), tt.kind, tt.wantPeriod[i], tt.wantAt[i])
				}
			}
		})
	}
}

func TestFreshAndBackoff(t *testing.T) {
	at := utc("2026-11-27T08:00:00Z")
	tests := []struct {
		name string
		now  time.Time
		want bool
	}{
		{"on the minute", at, true},
		{"3 hours late", at.Add(3 * time.Hour), true},
		{"exactly 12 hours late", at.Add(CatchUpGrace), true},
		{"13 hours late", at.Add(13 * time.Hour), false},
		{"not yet", at.Add(-time.Minute), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fresh(at, tt.now); got != tt.want {
				t.Errorf("Fresh = %v, want %v", got, tt.want)
			}
		})
	}
	prev := time.Duration(0)
	for a := 1; a < MaxSendAttempts; a++ {
		if b := Backoff(a); b <= prev {
			t.Errorf("Backoff(%d) = %s, not longer than %s", a, b, prev)
		} else {
			prev = b
		}
	}
}

func TestNextFiringAndMeeting(t *testing.T) {
	loc := zone(t, "Europe/Berlin")
	n := NotificationSettings{WeeklyDay: 5, WeeklyTime: "16:00", DigestTime: "08:00"}
	got, ok := NextFiring(utc("2026-11-27T15:00:00Z"), loc, n.WeeklyFirings)
	if !ok || !got.Equal(utc("2026-12-04T15:00:00Z")) {
		t.Errorf("next weekly after the minute = %s %v, want 2026-12-04T15:00Z", got, ok)
	}
	s := Schedule{Weekdays: []int{1}, Time: "10:00", DurationMin: 30, EveryWeeks: 2, StartsOn: "2026-11-30"}
	end, ok := s.NextMeetingEnd(utc("2026-11-27T00:00:00Z"), loc)
	if !ok || !end.Equal(utc("2026-11-30T09:30:00Z")) {
		t.Errorf("next meeting end = %s %v, want 2026-11-30T09:30Z", end, ok)
	}
	end, _ = s.NextMeetingEnd(utc("2026-11-30T09:30:00Z"), loc)
	if !end.Equal(utc("2026-12-14T09:30:00Z")) {
		t.Errorf("meeting after the first = %s, want 2026-12-14T09:30Z", end)
	}
}

func TestScheduleInputValidate(t *testing.T) {
	ok := ScheduleInput{Weekdays: []string{"3", "1", "3"}, Time: "10:00", DurationMin: "30", EveryWeeks: "2", StartsOn: "2026-11-30", Remind: true}
	s, err := ok.Validate()
	if err != nil || len(s.Weekdays) != 2 || s.Weekdays[0] != 1 || s.EveryWeeks != 2 {
		t.Fatalf("valid input: %+v, %v", s, err)
	}
	bad := []struct {
		name, field string
		edit        func(*ScheduleInput)
	}{
		{"no weekday", "weekdays", func(in *ScheduleInput) { in.Weekdays = nil }},
		{"weekday 8", "weekdays", func(in *ScheduleInput) { in.Weekdays = []string{"8"} }},
		{"time 25:00", "time", func(in *ScheduleInput) { in.Time = "25:00" }},
		{"duration 0", "duration_min", func(in *ScheduleInput) { in.DurationMin = "0" }},
		{"every 3 weeks", "every_weeks", func(in *ScheduleInput) { in.EveryWeeks = "3" }},
		{"bad date", "starts_on", func(in *ScheduleInput) { in.StartsOn = "30/11/2026" }},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			_, err := in.Validate()
			if FieldErrors(err)[tt.field] == "" {
				t.Errorf("no message for %s: %v", tt.field, err)
			}
		})
	}
}
