package jsondoc

import "github.com/leadup/leadup/internal/journal"

// weekBlocks are the problem and bet members of /weeks/{week}.json,
// embedded in Week.
type weekBlocks struct {
	Problems    problemsJSON    `json:"problems"`
	Bets        betsJSON        `json:"bets"`
	Solutions   solutionsJSON   `json:"solutions_12_months"`
	Calibration calibrationJSON `json:"calibration_12_months"`
	Forecasts   forecastsJSON   `json:"forecasts"`
}

// problemsJSON is the week's problems in /weeks/{week}.json.
type problemsJSON struct {
	Raised   int `json:"raised"`
	Open     int `json:"open"`
	Taken    int `json:"taken"`
	Changed  int `json:"changed"`
	Declined int `json:"declined"`
}

// betsJSON is the week's bets in /weeks/{week}.json.
type betsJSON struct {
	Placed     int `json:"placed"`
	Due        int `json:"due"`
	Reviewed   int `json:"reviewed"`
	Better     int `json:"better"`
	AsExpected int `json:"as_expected"`
	Worse      int `json:"worse"`
	CalledOff  int `json:"called_off"`
}

// solutionsJSON and calibrationJSON are the 12-month lines.
type solutionsJSON struct {
	Raised int `json:"raised"`
	Taken  int `json:"taken"`
}

type calibrationJSON struct {
	Reviewed           int `json:"reviewed"`
	AsExpectedOrBetter int `json:"as_expected_or_better"`
}

func weekBlocksOf(s *journal.WeekSummary) weekBlocks {
	var j weekBlocks
	p, b := s.Problems, s.Bets
	j.Problems = problemsJSON{Raised: p.Raised, Open: p.Open, Taken: p.Taken, Changed: p.Changed, Declined: p.Declined}
	j.Bets = betsJSON{Placed: b.Placed, Due: b.Due, Reviewed: b.Reviewed, Better: b.Better, AsExpected: b.AsExpected, Worse: b.Worse, CalledOff: b.CalledOff}
	j.Solutions = solutionsJSON{Raised: s.Solutions.Raised, Taken: s.Solutions.Taken}
	j.Calibration = calibrationJSON{Reviewed: s.Calibration.Reviewed, AsExpectedOrBetter: s.Calibration.AsExpectedOrBetter}
	j.Forecasts = forecastsOf(s.Forecasts)
	return j
}
