package pages

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/report"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/internal/server/jsondoc"
	"github.com/leadup/leadup/web"
)

// HandleWeekCurrent sends /weeks to the current ISO week in the user's zone.
func (s *Handler) HandleWeekCurrent(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	s.Redirect(w, r, "/weeks/"+journal.CurrentWeek(s.Now(), u.Location()).String())
}

// pathWeek reads the {week} in the path. A malformed week answers 400; ok
// is false once an answer is written.
func (s *Handler) pathWeek(w http.ResponseWriter, r *http.Request) (week journal.Week, ok bool) {
	week, err := journal.ParseWeek(chi.URLParam(r, "week"))
	if err != nil {
		s.RenderError(w, r, http.StatusBadRequest, journal.ErrorMessage(err))
		return week, false
	}
	return week, true
}

// weekSummary reads the summary of the {week} in the path; ok is false
// once an answer is written.
func (s *Handler) weekSummary(w http.ResponseWriter, r *http.Request) (sum *journal.WeekSummary, today string, ok bool) {
	week, ok := s.pathWeek(w, r)
	if !ok {
		return nil, "", false
	}
	u := httpx.UserFrom(r.Context())
	today = s.Today(u)
	sum, err := s.core.WeekPage(r.Context(), u.ID, week, today)
	if err != nil {
		s.Fail(w, r, err)
		return nil, "", false
	}
	return sum, today, true
}

func (s *Handler) HandleWeek(w http.ResponseWriter, r *http.Request) {
	if sum, today, ok := s.weekSummary(w, r); ok {
		s.renderWeek(w, r, sum, today)
	}
}

func (s *Handler) HandleWeekJSON(w http.ResponseWriter, r *http.Request) {
	if sum, _, ok := s.weekSummary(w, r); ok {
		httpx.WriteJSON(w, jsondoc.WeekOf(sum))
	}
}

// HandleWeekMarkdown writes the draft update for the boss; ?boss_id=
// keeps it to one boss.
func (s *Handler) HandleWeekMarkdown(w http.ResponseWriter, r *http.Request) {
	week, ok := s.pathWeek(w, r)
	if !ok {
		return
	}
	var bossID int64
	if raw := r.URL.Query().Get("boss_id"); raw != "" {
		id, ok := httpx.FormID(raw)
		if !ok || id == 0 {
			s.Fail(w, r, httpx.ErrNotFound)
			return
		}
		bossID = id
	}
	u := httpx.UserFrom(r.Context())
	today := s.Today(u)
	wu, err := s.core.WeekUpdatePage(r.Context(), u.ID, week, today, bossID)
	if err != nil {
		s.Fail(w, r, err)
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
	writeMarkdown(w, r, "leadup-update-"+sum.Week.String()+".md", report.WeeklyUpdate(s.Localizer(r), upd))
}

func (s *Handler) renderWeek(w http.ResponseWriter, r *http.Request, sum *journal.WeekSummary, today string) {
	wk := sum.Week
	v := web.WeekView{
		S:         sum,
		PrevURL:   "/weeks/" + wk.Add(-1).String(),
		IsCurrent: wk.Contains(today),
		Days:      web.GroupByDay(sum.Entries),
		Chart:     web.NewChart(sum.Trend),
		Today:     today,
	}
	if wk.End < today {
		v.NextURL = "/weeks/" + wk.Add(1).String()
	}
	s.Render(w, r, http.StatusOK, web.WeekPage(s.Page(r, "Week "+wk.String(), "weeks"), v))
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
