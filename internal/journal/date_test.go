package journal

import "testing"

func TestDateRange(t *testing.T) {
	tests := []struct{ start, end, want string }{
		{"2026-11-23", "2026-11-29", "23–29 Nov 2026"},
		{"2026-11-30", "2026-12-06", "30 Nov – 6 Dec 2026"},
		{"2026-12-28", "2027-01-03", "28 Dec 2026 – 3 Jan 2027"},
	}
	for _, tt := range tests {
		if got := DateRange(tt.start, tt.end); got != tt.want {
			t.Errorf("DateRange(%s, %s) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestWeekContains(t *testing.T) {
	w, err := ParseWeek("2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		date string
		want bool
	}{
		{"2026-11-22", false}, {"2026-11-23", true}, {"2026-11-29", true}, {"2026-11-30", false},
	}
	for _, tt := range tests {
		if got := w.Contains(tt.date); got != tt.want {
			t.Errorf("%s contains %s = %v, want %v", w, tt.date, got, tt.want)
		}
	}
}
