// Package jsondoc holds the JSON documents that two front ends answer
// alike: a week's (/weeks/{week}.json and the API's /weeks/{week}) and the
// review's (/review.json).
package jsondoc

import (
	"github.com/leadup/leadup/internal/journal"
)

// Week is the public JSON twin of a week's page.
type Week struct {
	Week               string         `json:"week"`
	Start              string         `json:"start"`
	End                string         `json:"end"`
	Total              int            `json:"total"`
	Practices          map[string]int `json:"practices"`
	Bosses             []bossCount    `json:"bosses"`
	FollowUps          followUpsJSON  `json:"followups"`
	Neglected          []string       `json:"neglected"`
	NeglectedFourWeeks []string       `json:"neglected_four_weeks"`
	QuietBosses        []quietBoss    `json:"quiet_bosses"`
	Trend              []trendWeek    `json:"trend"`
	Streak             int            `json:"streak"`
	StreakCapped       bool           `json:"streak_capped"`
	weekBlocks
	weekPromises
}

type bossCount struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type followUpsJSON struct {
	Opened  int        `json:"opened"`
	Done    int        `json:"done"`
	Overdue int        `json:"overdue"`
	OnTime  onTimePair `json:"on_time"`
}

type onTimePair struct {
	Mine onTimeJSON `json:"mine"`
	Boss onTimeJSON `json:"boss"`
}

type onTimeJSON struct {
	Due  int      `json:"due"`
	Kept int      `json:"kept"`
	Rate *float64 `json:"rate"` // null when nothing was due
}

type quietBoss struct {
	Name      string `json:"name"`
	LastEntry string `json:"last_entry"`
}

type trendWeek struct {
	Week      string         `json:"week"`
	Total     int            `json:"total"`
	Practices map[string]int `json:"practices"`
}

func onTimeOf(o journal.OnTime) onTimeJSON {
	j := onTimeJSON{Due: o.Due, Kept: o.Kept}
	if rate, ok := o.Rate(); ok {
		j.Rate = &rate
	}
	return j
}

func WeekOf(s *journal.WeekSummary) Week {
	j := Week{
		Week: s.Week.String(), Start: s.Week.Start, End: s.Week.End, Total: s.Total, Practices: s.Practices,
		Bosses: []bossCount{}, Neglected: nonNil(s.Neglected), NeglectedFourWeeks: nonNil(s.NeglectedFourWeeks),
		QuietBosses: []quietBoss{}, Trend: []trendWeek{}, Streak: s.Streak, StreakCapped: s.StreakCapped,
		FollowUps: followUpsJSON{
			Opened: s.FollowUps.Opened, Done: s.FollowUps.Done, Overdue: s.FollowUps.Overdue,
			OnTime: onTimePair{Mine: onTimeOf(s.FollowUps.Mine), Boss: onTimeOf(s.FollowUps.Boss)},
		},
	}
	for _, b := range s.Bosses {
		j.Bosses = append(j.Bosses, bossCount{ID: b.PublicID, Name: b.Name, Count: b.Count})
	}
	for _, q := range s.QuietBosses {
		j.QuietBosses = append(j.QuietBosses, quietBoss{Name: q.Name, LastEntry: q.LastEntry})
	}
	for _, t := range s.Trend {
		j.Trend = append(j.Trend, trendWeek{Week: t.Week.String(), Total: t.Total, Practices: t.Practices})
	}
	j.weekBlocks = weekBlocksOf(s)
	j.Promises = promisesOf(s.Promises)
	return j
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
