package journal

import (
	"slices"
	"testing"
)

func TestOnTimeRate(t *testing.T) {
	tests := []struct {
		in     OnTime
		rate   float64
		hasDue bool
	}{
		{OnTime{}, 0, false},
		{OnTime{Due: 4, Kept: 3}, 0.75, true},
		{OnTime{Due: 2, Kept: 0}, 0, true},
	}
	for _, tt := range tests {
		rate, ok := tt.in.Rate()
		if rate != tt.rate || ok != tt.hasDue {
			t.Errorf("%+v.Rate() = %v, %v; want %v, %v", tt.in, rate, ok, tt.rate, tt.hasDue)
		}
	}
}

func TestPracticeCounts(t *testing.T) {
	counts := NewPracticeCounts()
	if len(counts) != 6 {
		t.Fatalf("NewPracticeCounts has %d keys, want 6", len(counts))
	}
	if got := Zeros(counts); len(got) != 6 || got[0] != "results" || got[5] != "solutions" {
		t.Errorf("Zeros of all zero = %v, want the six keys in practice order", got)
	}
	counts["results"], counts["risk"] = 2, 1
	want := []string{"responsibility", "priorities", "team", "solutions"}
	if got := Zeros(counts); !slices.Equal(got, want) {
		t.Errorf("Zeros = %v, want %v", got, want)
	}
}
