package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/report"
	"github.com/leadup/leadup/web"
)

// handleWeekCurrent sends /weeks to the current ISO week in the user's zone.
func (s *Server) handleWeekCurrent(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	s.redirect(w, r, "/weeks/"+journal.CurrentWeek(s.now(), u.Location()).String())
}

// pathWeek reads the {week} in the path. A malformed week answers 400; ok
// is false once an answer is written.
func (s *Server) pathWeek(w http.ResponseWriter, r *http.Request) (week journal.Week, ok bool) {
	week, err := journal.ParseWeek(chi.URLParam(r, "week"))
	if err != nil {
		s.renderError(w, r, http.StatusBadRequest, journal.ErrorMessage(err))
		return week, false
	}
	return week, true
}

// weekSummary reads the summary of the {week} in the path; ok is false
// once an answer is written.
func (s *Server) weekSummary(w http.ResponseWriter, r *http.Request) (sum *journal.WeekSummary, today string, ok bool) {
	week, ok := s.pathWeek(w, r)
	if !ok {
		return nil, "", false
	}
	u := userFrom(r.Context())
	today = s.today(u)
	sum, err := s.core.WeekPage(r.Context(), u.ID, week, today)
	if err != nil {
		s.fail(w, r, err)
		return nil, "", false
	}
	return sum, today, true
}

func (s *Server) handleWeek(w http.ResponseWriter, r *http.Request) {
	if sum, today, ok := s.weekSummary(w, r); ok {
		s.renderWeek(w, r, sum, today)
	}
}

func (s *Server) handleWeekJSON(w http.ResponseWriter, r *http.Request) {
	if sum, _, ok := s.weekSummary(w, r); ok {
		writeJSON(w, weekJSONOf(sum))
	}
}

// handleWeekMarkdown writes the draft update for the boss; ?boss_id=
// keeps it to one boss.
func (s *Server) handleWeekMarkdown(w http.ResponseWriter, r *http.Request) {
	week, ok := s.pathWeek(w, r)
	if !ok {
		return
	}
	var bossID int64
	if raw := r.URL.Query().Get("boss_id"); raw != "" {
		id, ok := formID(raw)
		if !ok || id == 0 {
			s.fail(w, r, errNotFound)
			return
		}
		bossID = id
	}
	u := userFrom(r.Context())
	today := s.today(u)
	wu, err := s.core.WeekUpdatePage(r.Context(), u.ID, week, today, bossID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sum := wu.Summary
	upd := report.Update{Summary: sum, Author: u.DisplayName, Entries: sum.Entries, Today: today,
		Kept: wu.Kept, Open: wu.Open, Decisions: wu.Decisions, HeadsUp: wu.HeadsUp}
	if wu.Boss != nil {
		upd.BossName = wu.Boss.Name
		upd.Entries = nil
		for _, e := range sum.Entries {
			if e.BossID == bossID {
				upd.Entries = append(upd.Entries, e)
			}
		}
	}
	writeMarkdown(w, r, "leadup-update-"+sum.Week.String()+".md", report.WeeklyUpdate(upd))
}

func (s *Server) renderWeek(w http.ResponseWriter, r *http.Request, sum *journal.WeekSummary, today string) {
	wk := sum.Week
	v := web.WeekView{
		S:         sum,
		Range:     journal.DateRange(wk.Start, wk.End),
		PrevURL:   "/weeks/" + wk.Add(-1).String(),
		IsCurrent: wk.Contains(today),
		Days:      web.GroupByDay(sum.Entries),
		Chart:     web.NewChart(sum.Trend),
		Today:     today,
	}
	if wk.End < today {
		v.NextURL = "/weeks/" + wk.Add(1).String()
	}
	s.render(w, r, http.StatusOK, web.WeekPage(s.page(r, "Week "+wk.String(), "weeks"), v))
}

// writeMarkdown sends a draft to read in the browser, or with ?download=1
// as a file named name: a phone shows raw text where a file was wanted.
func writeMarkdown(w http.ResponseWriter, r *http.Request, name, md string) {
	w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
	if r.URL.Query().Get("download") == "1" {
		attachment(w, name)
	}
	w.Write([]byte(md))
}

// attachment makes the response a download saved as name (ASCII, no
// quotes: every caller builds it from dates and fixed words).
func attachment(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
}

// weekJSON is the public JSON twin of a week's page.
type weekJSON struct {
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

func weekJSONOf(s *journal.WeekSummary) weekJSON {
	j := weekJSON{
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
