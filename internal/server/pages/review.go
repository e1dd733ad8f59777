package pages

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/report"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/internal/server/jsondoc"
	"github.com/leadup/leadup/web"
)

// reviewRequest reads /review's parameters: from, to and boss_id. A
// boss_id that is not a positive number is a 404, like another user's.
func (s *Handler) reviewRequest(r *http.Request) (journal.ReviewFilter, string, error, error) {
	u := httpx.UserFrom(r.Context())
	today := s.Today(u)
	q := r.URL.Query()
	var f journal.ReviewFilter
	if raw := q.Get("boss_id"); raw != "" {
		var ok bool
		if f.BossID, ok = httpx.FormID(raw); !ok || f.BossID == 0 {
			return f, today, nil, httpx.ErrNotFound
		}
	}
	p, perr := journal.ParseReviewPeriod(q.Get("from"), q.Get("to"), today)
	f.From, f.To = p.From, p.To
	return f, today, perr, nil
}

// review reads the data for one of the three forms of /review.
func (s *Handler) review(w http.ResponseWriter, r *http.Request) (*journal.Review, bool) {
	f, today, perr, err := s.reviewRequest(r)
	if err != nil {
		s.Fail(w, r, err)
		return nil, false
	}
	if perr != nil {
		s.RenderError(w, r, http.StatusBadRequest, journal.ErrorMessage(perr))
		return nil, false
	}
	rev, err := s.core.ReviewPage(r.Context(), httpx.UserFrom(r.Context()).ID, f, today)
	if err != nil {
		s.Fail(w, r, err)
		return nil, false
	}
	return rev, true
}

func (s *Handler) HandleReview(w http.ResponseWriter, r *http.Request) {
	f, today, perr, err := s.reviewRequest(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	u := httpx.UserFrom(r.Context())
	v := web.ReviewView{From: r.URL.Query().Get("from"), To: r.URL.Query().Get("to")}
	status := http.StatusOK
	if perr != nil {
		// Show the form again with what was typed, and read the default
		// period only for the boss list.
		v.Error, status = journal.ErrorMessage(perr), http.StatusBadRequest
		def := journal.DefaultReviewPeriod(today)
		f.From, f.To = def.From, def.To
	}
	rev, err := s.core.ReviewPage(r.Context(), u.ID, f, today)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if perr == nil {
		v.From, v.To = f.From, f.To
	}
	v.R = rev
	v.Quick = web.NewReviewLinks(journal.QuickPeriods(today), f)
	v.Chart = web.NewMonthChart(r.Context(), rev.Months)
	v.Query = reviewQuery(f)
	s.Render(w, r, status, web.ReviewPage(s.Page(r, "Review", "review"), v))
}

func (s *Handler) HandleReviewMarkdown(w http.ResponseWriter, r *http.Request) {
	rev, ok := s.review(w, r)
	if !ok {
		return
	}
	name := "leadup-review-" + rev.Filter.From + "-to-" + rev.Filter.To + ".md"
	writeMarkdown(w, r, name, report.ReviewDraft(s.Localizer(r), rev, s.publicURL(r), httpx.UserFrom(r.Context()).DisplayName))
}

func (s *Handler) HandleReviewJSON(w http.ResponseWriter, r *http.Request) {
	rev, ok := s.review(w, r)
	if !ok {
		return
	}
	httpx.WriteJSON(w, jsondoc.ReviewOf(rev))
}

// reviewQuery is the filter as a query string, for the page's links.
func reviewQuery(f journal.ReviewFilter) string {
	q := url.Values{"from": {f.From}, "to": {f.To}}
	if f.BossID != 0 {
		q.Set("boss_id", strconv.FormatInt(f.BossID, 10))
	}
	return q.Encode()
}
