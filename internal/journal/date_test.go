package journal

import "testing"

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
