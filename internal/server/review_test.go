package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// reviewFixture is the week fixture (today Fri 2026-11-27) plus a problem
// and a bet in the autumn. Its entries, with what makes them evidence:
//
//	2026-08-01 Dana  priorities      Old summer entry
//	2026-09-09 Dana  risk            Bet on the new vendor      bet reviewed (better)
//	2026-10-14 Dana  solutions       Proposed moving the launch  decision taken
//	2026-11-05 Eve   responsibility  Took over the on-call rota
//	2026-11-10 Dana  results         Closed the audit findings
//	2026-11-20 Dana  risk            Volunteered to run the migration  "Intro to the CFO" due 28 Nov, done 27 Nov: kept
//	2026-11-23 Dana  results, solutions  Proposed a fix for the flaky release  linked to "Ship the Q4 plan"; "Send the deck" due 26, done 27: late
//	2026-11-25 Dana  results         Shipped the billing export  "Approve the budget" (boss) due 24 open; "Draft the roadmap" due 2 Dec
//	2026-11-26 Eve   team            Coached Lee through the review
func reviewFixture(t *testing.T) *weekFixture {
	f := newWeekFixture(t)
	bet := f.ann.createdID("/entries", blockForm(f.dana, "2026-09-09", "summary", "Bet on the new vendor", "practice", "risk",
		"bet", "The new vendor halves the cost", "review_on", "2026-10-09"), "/entries/")
	f.app.db.Writer().Exec("DELETE FROM entry_practices WHERE entry_id = ? AND practice = 'results'", bet)
	wantStatus(t, f.ann.post("/entries/"+bet+"/outcome", url.Values{"outcome": {"better"}, "reviewed_on": {"2026-10-10"}, "lesson": {"Ask early"}}), http.StatusSeeOther)
	prob := f.ann.createdID("/entries", blockForm(f.dana, "2026-10-14", "summary", "Proposed moving the launch", "practice", "solutions",
		"problem", "The launch clashes with the audit", "option", "Move the launch", "option", "Split the team", "recommendation", "Move the launch"), "/entries/")
	f.app.db.Writer().Exec("DELETE FROM entry_practices WHERE entry_id = ? AND practice = 'results'", prob)
	wantStatus(t, f.ann.post("/entries/"+prob+"/decision", url.Values{"decision": {"taken"}, "decided_on": {"2026-10-20"}, "note": {"Moved"}}), http.StatusSeeOther)
	return f
}

type reviewGot struct {
	From, To  string
	Boss      *string
	Practices map[string]struct {
		Count   int
		Entries []struct {
			Summary  string
			Priority *string
			Strength int
		}
	}
	Months []struct {
		Month     string
		Total     int
		Practices map[string]int
	}
	Priorities []struct {
		Text, Boss string
		Entries    int
	}
	Promises  map[string]map[string]int
	Problems  map[string]int
	Bets      map[string]int
	Forecasts *struct{}
}

func getReview(t *testing.T, c *client, query string) reviewGot {
	t.Helper()
	r := c.get("/review.json?" + query)
	wantStatus(t, r, http.StatusOK)
	var g reviewGot
	if err := json.Unmarshal([]byte(r.body), &g); err != nil {
		t.Fatal(err)
	}
	return g
}

func summaries(g reviewGot, practice string) string {
	var s []string
	for _, e := range g.Practices[practice].Entries {
		s = append(s, e.Summary)
	}
	return strings.Join(s, " | ")
}

func TestReviewJSON(t *testing.T) {
	f := reviewFixture(t)

	// Whole months, August to November: read from the monthly aggregate.
	g := getReview(t, f.ann, "from=2026-08-01&to=2026-11-30")
	if g.From != "2026-08-01" || g.To != "2026-11-30" || g.Boss != nil || g.Forecasts != nil {
		t.Errorf("header = %s %s %v %v", g.From, g.To, g.Boss, g.Forecasts)
	}
	wantCounts := map[string]int{"results": 3, "responsibility": 1, "priorities": 1, "team": 1, "risk": 2, "solutions": 2}
	for k, n := range wantCounts {
		if g.Practices[k].Count != n {
			t.Errorf("practices.%s.count = %d, want %d", k, g.Practices[k].Count, n)
		}
	}
	wantMonths := []struct {
		month string
		total int
		prac  map[string]int
	}{
		{"2026-08", 1, map[string]int{"priorities": 1}},
		{"2026-09", 1, map[string]int{"risk": 1}},
		{"2026-10", 1, map[string]int{"solutions": 1}},
		{"2026-11", 7, map[string]int{"results": 3, "solutions": 1, "risk": 1, "team": 1, "responsibility": 1}},
	}
	if len(g.Months) != len(wantMonths) {
		t.Fatalf("months = %+v", g.Months)
	}
	for i, w := range wantMonths {
		m := g.Months[i]
		if m.Month != w.month || m.Total != w.total {
			t.Errorf("month %d = %s/%d, want %s/%d", i, m.Month, m.Total, w.month, w.total)
		}
		for k, n := range m.Practices {
			if n != w.prac[k] {
				t.Errorf("%s %s = %d, want %d", m.Month, k, n, w.prac[k])
			}
		}
	}
	// Strongest first: a kept promise (3) beats a reviewed bet (2); equal
	// strength goes to the later entry; entries without a signal fill in.
	for practice, want := range map[string]string{
		"risk":      "Volunteered to run the migration | Bet on the new vendor",
		"solutions": "Proposed a fix for the flaky release | Proposed moving the launch",
		"results":   "Proposed a fix for the flaky release | Shipped the billing export | Closed the audit findings",
	} {
		if got := summaries(g, practice); got != want {
			t.Errorf("%s strongest = %q, want %q", practice, got, want)
		}
	}
	if e := g.Practices["risk"].Entries[0]; e.Strength != 3 {
		t.Errorf("kept promise strength = %d, want 3", e.Strength)
	}
	if len(g.Priorities) != 1 || g.Priorities[0].Text != "Ship the Q4 plan" || g.Priorities[0].Boss != "Dana" || g.Priorities[0].Entries != 1 {
		t.Errorf("priorities = %+v", g.Priorities)
	}
	// Promises first due 1 Aug – 30 Nov: the deck (late), the CFO intro
	// (on time), the budget (boss, overdue). The roadmap is due 2 Dec.
	want := map[string]map[string]int{
		"me":   {"due": 2, "on_time": 1, "late": 1, "overdue": 0, "open": 0, "withdrawn": 0},
		"boss": {"due": 1, "on_time": 0, "late": 0, "overdue": 1, "open": 0, "withdrawn": 0},
	}
	wantPromiseCounts(t, g.Promises, want)
	if g.Problems["raised"] != 1 || g.Problems["taken"] != 1 || g.Problems["open"] != 0 {
		t.Errorf("problems = %v", g.Problems)
	}
	if g.Bets["placed"] != 1 || g.Bets["better"] != 1 || g.Bets["reviewed"] != 1 || g.Bets["due"] != 0 {
		t.Errorf("bets = %v", g.Bets)
	}

	// Partial months at both ends read the tags themselves: 1 Aug and 26
	// Nov fall outside 2 Aug – 25 Nov.
	g = getReview(t, f.ann, "from=2026-08-02&to=2026-11-25")
	if g.Months[0].Total != 0 || g.Months[3].Total != 6 || g.Months[3].Practices["team"] != 0 || g.Practices["team"].Count != 0 || g.Practices["priorities"].Count != 0 {
		t.Errorf("partial months = %+v; practices team %d priorities %d", g.Months, g.Practices["team"].Count, g.Practices["priorities"].Count)
	}

	// Short partial months read their tags directly: 25 Aug – 5 Nov holds
	// the bet (Sep), the problem (Oct) and the on-call rota (5 Nov).
	g = getReview(t, f.ann, "from=2026-08-25&to=2026-11-05")
	if g.Months[0].Total != 0 || g.Months[1].Total != 1 || g.Months[2].Total != 1 || g.Months[3].Total != 1 || g.Months[3].Practices["responsibility"] != 1 {
		t.Errorf("short edges = %+v", g.Months)
	}

	// One boss: Eve has two entries and no promises.
	g = getReview(t, f.ann, "from=2026-08-01&to=2026-11-30&boss_id="+f.eve)
	if g.Boss == nil || *g.Boss != "Eve" || g.Practices["team"].Count != 1 || g.Practices["responsibility"].Count != 1 || g.Practices["results"].Count != 0 {
		t.Errorf("Eve's review = %+v", g)
	}
	if g.Promises["me"]["due"] != 0 || g.Promises["boss"]["due"] != 0 || len(g.Priorities) != 0 {
		t.Errorf("Eve's promises %v priorities %v", g.Promises, g.Priorities)
	}

	// The default period is the last six full months: May to October.
	if g := getReview(t, f.ann, ""); g.From != "2026-05-01" || g.To != "2026-10-31" || len(g.Months) != 6 {
		t.Errorf("default = %s..%s, %d months", g.From, g.To, len(g.Months))
	}

	// Bob sees none of Ann's journal, and Ann's boss is a 404 for him.
	if g := getReview(t, f.bob, "from=2026-08-01&to=2026-11-30"); g.Practices["results"].Count != 1 || g.Practices["results"].Entries[0].Summary != "Bob's secret entry" {
		t.Errorf("Bob's review = %+v", g.Practices["results"])
	}
	for _, p := range []string{"/review", "/review.md", "/review.json"} {
		wantStatus(t, f.bob.get(p+"?boss_id="+f.dana), http.StatusNotFound)
		wantStatus(t, f.ann.get(p+"?boss_id=x"), http.StatusNotFound)
		wantStatus(t, f.ann.get(p+"?from=2026-12-01&to=2026-11-01"), http.StatusBadRequest)
	}
}

func TestReviewPage(t *testing.T) {
	f := reviewFixture(t)
	r := f.ann.get("/review?from=2026-08-01&to=2026-11-30")
	wantStatus(t, r, http.StatusOK)
	checkNoInline(t, "/review", r.body)
	wantBody(t, r,
		"1 Aug – 30 Nov 2026",
		`<svg class="trend"`, `<caption id="months-caption">`, "<th scope=\"row\">November 2026</th>",
		"Volunteered to run the migration", "a follow-up kept on time", "served “Ship the Q4 plan”", "decision taken", "bet reviewed",
		`href="/review.md?from=2026-08-01&amp;to=2026-11-30"`, "Last quarter", "Last half", "This year",
	)
	if strings.Contains(r.body, "forecasts-heading") {
		t.Error("the Forecasts section shows while #17 has not filled it")
	}
	// The kept promise comes before the bet in Take calculated risks.
	risk := r.body[strings.Index(r.body, `id="practice-risk"`):]
	if strings.Index(risk, "Volunteered to run the migration") > strings.Index(risk, "Bet on the new vendor") {
		t.Error("the strongest risk entry is not first")
	}
	// The month table and the ledger carry the same numbers as the JSON.
	nov := r.body[strings.Index(r.body, "November 2026</th>"):]
	nov = nov[:strings.Index(nov, "</tr>")]
	if got := strings.Count(nov, "<td>"); got != 7 || !strings.Contains(nov, "<td>3</td>") || !strings.Contains(nov, "<td>7</td>") {
		t.Errorf("November row: %s", nov)
	}
	ledger := r.body[strings.Index(r.body, `id="review-promises-heading"`):]
	me := ledger[strings.Index(ledger, `<th scope="row">Me</th>`):]
	me = me[:strings.Index(me, "</tr>")]
	if want := "<td>2</td><td>1</td><td>1</td><td>0</td><td>50%</td><td>0</td><td>0</td>"; !strings.Contains(me, want) {
		t.Errorf("ledger row Me: %s, want %s", me, want)
	}

	// A bad period is refused beside the form with what was typed.
	bad := f.ann.get("/review?from=2026-12-01&to=2026-11-01")
	wantStatus(t, bad, http.StatusBadRequest)
	wantBody(t, bad, `id="period-error"`, "starts after it ends", `value="2026-12-01"`)
}

func TestReviewMarkdown(t *testing.T) {
	f := reviewFixture(t)
	r := f.ann.get("/review.md?from=2026-08-01&to=2026-11-30")
	wantStatus(t, r, http.StatusOK)
	e1 := f.app.ts.URL + "/entries/" + f.e1
	wantBody(t, r,
		"# Self-review draft: Saturday 1 August 2026 to Monday 30 November 2026",
		"## Deliver results\n\n3 entries in the period, strongest first:\n\n- [Proposed a fix for the flaky release]("+e1+") (Mon 23 Nov 2026, with Dana): served Ship the Q4 plan\n",
		"## Priorities I served\n\n- Ship the Q4 plan (Dana): 1 entry\n",
		"- Mine: 2 promises fell due, 1 kept on time, 1 late, 0 overdue (50% on time); 0 not yet due, 0 withdrawn.",
		"I raised 1 problem, with options and a recommendation: 1 taken as proposed",
		"I placed 1 bet. Reviewed so far: 1 better than expected",
		"| 2026-11 | 3 | 1 | 0 | 1 | 1 | 1 | 7 |",
	)
	if strings.Contains(r.body, "## Gaps") {
		t.Error("gaps listed though every practice has an entry")
	}
	// Eve's draft names the gaps.
	wantBody(t, f.ann.get("/review.md?from=2026-08-01&to=2026-11-30&boss_id="+f.eve), "Work with Eve only.", "- Nothing logged under Deliver results in this period.")
}

// TestReviewMarkdownLinksAreAbsolute: with LEADUP_BASE_URL set, each claim
// links to its entry by the full address.
func TestReviewMarkdownLinksAreAbsolute(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.PublicOrigin = "https://leadup.example"; c.BasePath = "/app" })
	// The session cookie is Secure behind an https origin: carry it by hand
	// over the test's plain loopback.
	c := app.client()
	c.hc.Jar = nil
	var cookies []*http.Cookie
	get := func(path string, form url.Values) *response {
		method, body := http.MethodGet, ""
		if form != nil {
			method, body = http.MethodPost, form.Encode()
		}
		req, _ := http.NewRequest(method, app.ts.URL+"/app"+path, strings.NewReader(body))
		req.Host = "leadup.example"
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		for _, ck := range cookies {
			req.AddCookie(ck)
		}
		r := c.do(req)
		cookies = append(cookies, (&http.Response{Header: r.header}).Cookies()...)
		return r
	}
	wantStatus(t, get("/signup", url.Values{"email": {"ann@example.com"}, "password": {"a long enough passphrase 1"}, "display_name": {"Ann *Lee*"}, "timezone": {"UTC"}}), http.StatusSeeOther)
	boss := strings.TrimPrefix(get("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}).header.Get("Location"), "/app/bosses/")
	today := app.db.Now().UTC().Format("2006-01-02")
	form := entryForm("boss_id", boss, "occurred_on", today, "summary", "Fixed [the](javascript:alert(1)) *build*")
	form["practice"] = []string{"results"}
	loc := get("/entries", form).header.Get("Location")
	if !strings.HasPrefix(loc, "/app/entries/") {
		t.Fatalf("entry Location %q", loc)
	}
	r := get("/review.md?from="+today+"&to="+today, nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "(https://leadup.example"+loc+")", `Fixed \[the\](javascript:alert(1)) \*build\*`, `Ann \*Lee\*`)
}

// TestReviewOfANewAccount: no bosses, no entries: every form answers, and
// says so plainly.
func TestReviewOfANewAccount(t *testing.T) {
	app := newTestApp(t)
	c := app.signedUp("new@example.com")
	r := c.get("/review")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Nothing in your journal for this period yet.", `<option value="">Every boss</option>`)
	wantBody(t, c.get("/review.md"), "My journal holds nothing for this period yet.")
	g := getReview(t, c, "")
	if len(g.Months) != 6 || g.Practices["results"].Count != 0 || g.Promises["me"]["due"] != 0 {
		t.Errorf("new account's review = %+v", g)
	}
}
