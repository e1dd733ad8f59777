package jsondoc

import "github.com/leadup/leadup/internal/journal"

// forecastsJSON is the week's forecasts in /weeks/{week}.json. The two
// medians are null when no forecast was raised in the week.
type forecastsJSON struct {
	Raised            int      `json:"raised"`
	Due               int      `json:"due"`
	Resolved          int      `json:"resolved"`
	Happened          int      `json:"happened"`
	Averted           int      `json:"averted"`
	DidNotHappen      int      `json:"did_not_happen"`
	WarningDaysMedian *float64 `json:"warning_days_median"`
	RaiseDaysMedian   *float64 `json:"raise_days_median"`
}

func forecastsOf(f journal.ForecastStats) forecastsJSON {
	j := forecastsJSON{Raised: f.Raised, Due: f.Due, Resolved: f.Resolved, Happened: f.Happened, Averted: f.Averted, DidNotHappen: f.DidNotHappen}
	if n := f.NoSurprises; n.Forecasts > 0 {
		j.WarningDaysMedian, j.RaiseDaysMedian = &n.WarningDays, &n.RaiseDays
	}
	return j
}
