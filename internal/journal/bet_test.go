package journal

import (
	"strings"
	"testing"
)

func TestBetInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    BetInput
		field string
	}{
		{"complete", BetInput{Bet: "They will back the pilot", Downside: "A lost week", Mitigation: "Timebox it", ReviewOn: "2026-12-04"}, ""},
		{"only bet and date", BetInput{Bet: "b", ReviewOn: "2026-11-21"}, ""},
		{"no bet", BetInput{Downside: "d", ReviewOn: "2026-12-04"}, "bet"},
		{"long bet", BetInput{Bet: strings.Repeat("b", 301), ReviewOn: "2026-12-04"}, "bet"},
		{"long downside", BetInput{Bet: "b", Downside: strings.Repeat("d", 301), ReviewOn: "2026-12-04"}, "downside"},
		{"long mitigation", BetInput{Bet: "b", Mitigation: strings.Repeat("m", 301), ReviewOn: "2026-12-04"}, "mitigation"},
		{"no review date", BetInput{Bet: "b"}, "review_on"},
		{"review on the entry's day", BetInput{Bet: "b", ReviewOn: "2026-11-20"}, "review_on"},
		{"review before the entry", BetInput{Bet: "b", ReviewOn: "2026-11-01"}, "review_on"},
		{"review not a date", BetInput{Bet: "b", ReviewOn: "next week"}, "review_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOnlyField(t, tt.in.Validate("2026-11-20"), tt.field)
		})
	}
}

func TestOutcomeInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    OutcomeInput
		field string
	}{
		{"better", OutcomeInput{Outcome: "better", ReviewedOn: "2026-11-27", Lesson: "Ask earlier."}, ""},
		{"called off on the day", OutcomeInput{Outcome: "called_off", ReviewedOn: "2026-11-20"}, ""},
		{"lesson at the limit", OutcomeInput{Outcome: "worse", ReviewedOn: "2026-11-21", Lesson: strings.Repeat("l", 1000)}, ""},
		{"unknown outcome", OutcomeInput{Outcome: "great", ReviewedOn: "2026-11-21"}, "outcome"},
		{"long lesson", OutcomeInput{Outcome: "worse", ReviewedOn: "2026-11-21", Lesson: strings.Repeat("l", 1001)}, "lesson"},
		{"before the entry", OutcomeInput{Outcome: "worse", ReviewedOn: "2026-11-19"}, "reviewed_on"},
		{"in the future", OutcomeInput{Outcome: "worse", ReviewedOn: "2026-11-28"}, "reviewed_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOnlyField(t, tt.in.Validate("2026-11-20", "2026-11-27"), tt.field)
		})
	}
}

func TestCalibration(t *testing.T) {
	tests := []struct {
		name     string
		outcomes map[string]int
		want     Calibration
	}{
		{"none", nil, Calibration{}},
		{"called off only", map[string]int{"called_off": 2}, Calibration{}},
		{"mixed", map[string]int{"better": 1, "as_expected": 2, "worse": 1, "called_off": 3}, Calibration{Reviewed: 4, AsExpectedOrBetter: 3}},
		{"one worse", map[string]int{"worse": 1}, Calibration{Reviewed: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Calibration
			for k, n := range tt.outcomes {
				c.AddOutcome(k, n)
			}
			if c != tt.want {
				t.Errorf("got %+v, want %+v", c, tt.want)
			}
		})
	}
}

func TestBetDue(t *testing.T) {
	w, _ := ParseWeek("2026-W48")
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"due on the review day", (&Bet{ReviewOn: "2026-11-27"}).Due("2026-11-27"), true},
		{"not due the day before", (&Bet{ReviewOn: "2026-11-28"}).Due("2026-11-27"), false},
		{"reviewed is never due", (&Bet{ReviewOn: "2026-11-01", Outcome: "worse"}).Due("2026-11-27"), false},
		{"current week counts to today", DueDate(w, "2026-11-27"), "2026-11-27"},
		{"past week counts to its end", DueDate(w, "2026-12-10"), "2026-11-29"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestBetStatsAddOutcome(t *testing.T) {
	var s BetStats
	for k, n := range map[string]int{"better": 1, "as_expected": 2, "worse": 3, "called_off": 4, "": 5, "unknown": 6} {
		s.AddOutcome(k, n)
	}
	want := BetStats{Reviewed: 10, Better: 1, AsExpected: 2, Worse: 3, CalledOff: 4}
	if s != want {
		t.Errorf("got %+v, want %+v", s, want)
	}
}
