package jsondoc

import "github.com/leadup/leadup/internal/journal"

// Review is /review.json: the same numbers and entries as the page.
type Review struct {
	From       string                        `json:"from"`
	To         string                        `json:"to"`
	Boss       *string                       `json:"boss"` // null for every boss
	Practices  map[string]reviewPracticeJSON `json:"practices"`
	Months     []reviewMonthJSON             `json:"months"`
	Priorities []reviewPriorityJSON          `json:"priorities"`
	Promises   promisesJSON                  `json:"promises"`
	Problems   problemsJSON                  `json:"problems"`
	Bets       betsJSON                      `json:"bets"`
	Forecasts  *reviewForecastsJSON          `json:"forecasts"` // null when none was raised in the period
}

type reviewPracticeJSON struct {
	Count   int               `json:"count"`
	Entries []reviewEntryJSON `json:"entries"`
}

type reviewEntryJSON struct {
	ID          string  `json:"id"`
	OccurredOn  string  `json:"occurred_on"`
	Summary     string  `json:"summary"`
	Boss        string  `json:"boss"`
	Priority    *string `json:"priority"`
	KeptOnTime  int     `json:"followups_kept_on_time"`
	Decided     bool    `json:"decision_taken"`
	BetReviewed bool    `json:"bet_reviewed"`
	Strength    int     `json:"strength"`
}

type reviewMonthJSON struct {
	Month     string         `json:"month"`
	Total     int            `json:"total"`
	Practices map[string]int `json:"practices"`
}

type reviewPriorityJSON struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Status  string `json:"status"`
	Boss    string `json:"boss"`
	Entries int    `json:"entries"`
}

type reviewForecastsJSON struct {
	Raised            int     `json:"raised"`
	WarningDaysMedian float64 `json:"warning_days_median"`
	RaiseDaysMedian   float64 `json:"raise_days_median"`
}

func ReviewOf(r *journal.Review) Review {
	j := Review{
		From: r.Filter.From, To: r.Filter.To,
		Practices: map[string]reviewPracticeJSON{}, Months: []reviewMonthJSON{}, Priorities: []reviewPriorityJSON{},
		Promises: promisesOf(r.Promises),
	}
	if r.BossName != "" {
		j.Boss = &r.BossName
	}
	for _, p := range r.Practices {
		rp := reviewPracticeJSON{Count: p.Count, Entries: []reviewEntryJSON{}}
		for _, ev := range p.Entries {
			e := ev.Entry
			ej := reviewEntryJSON{
				ID: e.PublicID, OccurredOn: e.OccurredOn, Summary: e.Summary, Boss: e.BossName,
				KeptOnTime: ev.Kept, Decided: ev.Decided, BetReviewed: ev.BetReviewed, Strength: ev.Strength(),
			}
			if e.PriorityText != "" {
				ej.Priority = &e.PriorityText
			}
			rp.Entries = append(rp.Entries, ej)
		}
		j.Practices[p.Key] = rp
	}
	for _, m := range r.Months {
		j.Months = append(j.Months, reviewMonthJSON{Month: m.Month, Total: m.Total, Practices: m.Practices})
	}
	for _, p := range r.Priorities {
		j.Priorities = append(j.Priorities, reviewPriorityJSON{ID: p.PublicID, Text: p.Text, Status: p.Status, Boss: p.BossName, Entries: p.Entries})
	}
	pr, b := r.Problems, r.Bets
	j.Problems = problemsJSON{Raised: pr.Raised, Open: pr.Open, Taken: pr.Taken, Changed: pr.Changed, Declined: pr.Declined}
	j.Bets = betsJSON{Placed: b.Placed, Due: b.Due, Reviewed: b.Reviewed, Better: b.Better, AsExpected: b.AsExpected, Worse: b.Worse, CalledOff: b.CalledOff}
	if r.Forecasts != nil {
		j.Forecasts = &reviewForecastsJSON{Raised: r.Forecasts.Forecasts, WarningDaysMedian: r.Forecasts.WarningDays, RaiseDaysMedian: r.Forecasts.RaiseDays}
	}
	return j
}
