package server

import (
	"encoding/json"
	"net/http"
	"testing"
)

// The review composer shows #17's two numbers over the period's forecasts.
// Worked out by hand from seedForecasts: the vendor forecast was raised on
// 20 Nov, noticed on 16 Nov (4 days to raise) and was averted, so it is
// judged by its expected date, 26 Nov (6 days of warning); the budget
// forecast was raised on 24 Nov when noticed (0 days) and expected on
// 10 Jan (47 days). Medians: 26.5 days of warning, 2 days to raise.
func TestReviewShowsTheForecastNumbers(t *testing.T) {
	_, ann, dana := fixedApp(t)
	seedForecasts(t, ann, dana)

	r := ann.get("/review.json?from=2026-11-01&to=2026-11-30")
	wantStatus(t, r, http.StatusOK)
	var got struct {
		Forecasts *struct {
			Raised            int     `json:"raised"`
			WarningDaysMedian float64 `json:"warning_days_median"`
			RaiseDaysMedian   float64 `json:"raise_days_median"`
		} `json:"forecasts"`
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatal(err)
	}
	if f := got.Forecasts; f == nil || f.Raised != 2 || f.WarningDaysMedian != 26.5 || f.RaiseDaysMedian != 2 {
		t.Errorf("forecasts = %+v, want 2 raised, 26.5 and 2", f)
	}
	wantBody(t, ann.get("/review?from=2026-11-01&to=2026-11-30"), `id="forecasts-heading"`, "a median of 26.5 days", "a median of 2 days")
	wantBody(t, ann.get("/review.md?from=2026-11-01&to=2026-11-30"),
		"- Warning given: a median of 26.5 days between raising a forecast and the day it landed (2 raised).")

	// A period without forecasts leaves the section out.
	r = ann.get("/review.json?from=2026-06-01&to=2026-06-30")
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || got.Forecasts != nil {
		t.Errorf("a period without forecasts: %+v, %v; want null", got.Forecasts, err)
	}
}
