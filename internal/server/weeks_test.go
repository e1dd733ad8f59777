package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

// weekFixture logs a known journal around week 2026-W48 (Mon 23 – Sun 29
// Nov 2026) for Ann in Europe/Berlin, with "now" Friday 27 Nov, and a
// noisy second account that must never be counted.
type weekFixture struct {
	app              *testApp
	ann, bob         *client
	dana, eve, frank string
	e1, e2, e4       string
}

func newWeekFixture(t *testing.T) *weekFixture {
	app := newTestApp(t)
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	app.useClock(func() time.Time { return now })
	f := &weekFixture{app: app, ann: app.client(), bob: app.client()}
	f.ann.signup("ann@example.com") // Europe/Berlin
	f.bob.signup("bob@example.com")

	// Bosses known since October, so that silence can be noticed.
	now = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	f.dana = f.ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	f.eve = f.ann.createdID("/bosses", url.Values{"name": {"Eve"}, "relation": {"skip_level"}}, "/bosses/")
	f.frank = f.ann.createdID("/bosses", url.Values{"name": {"Frank"}, "relation": {"stakeholder"}}, "/bosses/")
	bobBoss := f.bob.createdID("/bosses", url.Values{"name": {"Zed"}, "relation": {"manager"}}, "/bosses/")
	now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

	f.ann.createdID("/bosses/"+f.dana+"/priorities", url.Values{"text": {"Ship the Q4 plan"}}, "/bosses/")
	prioID := fmtAny(app.scalar("SELECT id FROM priorities WHERE text = 'Ship the Q4 plan'"))

	entry := func(boss, date, summary string, practices ...string) string {
		form := entryForm("boss_id", boss, "occurred_on", date, "summary", summary)
		form["practice"] = practices
		return f.ann.createdID("/entries", form, "/entries/")
	}
	f.e1 = entry(f.dana, "2026-11-23", "Proposed a fix for the flaky release", "results", "solutions")
	f.ann.post("/entries/"+f.e1, func() url.Values {
		v := entryForm("boss_id", f.dana, "occurred_on", "2026-11-23", "summary", "Proposed a fix for the flaky release", "priority_id", prioID)
		v["practice"] = []string{"results", "solutions"}
		return v
	}())
	f.e2 = entry(f.dana, "2026-11-25", "Shipped the billing export", "results")
	entry(f.eve, "2026-11-26", "Coached Lee through the review", "team")
	f.e4 = entry(f.dana, "2026-11-20", "Volunteered to run the migration", "risk")
	entry(f.dana, "2026-11-10", "Closed the audit findings", "results")
	entry(f.eve, "2026-11-05", "Took over the on-call rota", "responsibility")
	entry(f.dana, "2026-08-01", "Old summer entry", "priorities")

	fu := func(entryID, text, owner, due string) string {
		wantStatusT(t, f.ann.post("/entries/"+entryID+"/followups", url.Values{"text": {text}, "owner": {owner}, "due_on": {due}}), http.StatusSeeOther)
		return fmtAny(app.scalar("SELECT id FROM followups WHERE text = '" + text + "'"))
	}
	late := fu(f.e1, "Send the deck", "me", "2026-11-26")
	fu(f.e2, "Approve the budget", "boss", "2026-11-24")
	fu(f.e2, "Draft the roadmap", "me", "2026-12-02")
	intro := fu(f.e4, "Intro to the CFO", "me", "2026-11-28")
	for _, id := range []string{late, intro} {
		wantStatusT(t, f.ann.post("/followups/"+id, url.Values{"done": {"1"}}), http.StatusSeeOther)
	}

	// Bob's busy week must never show up in Ann's numbers.
	bobForm := entryForm("boss_id", bobBoss, "occurred_on", "2026-11-24", "summary", "Bob's secret entry")
	bobForm["practice"] = []string{"results", "responsibility", "priorities", "team", "risk", "solutions"}
	bobEntry := f.bob.createdID("/entries", bobForm, "/entries/")
	f.bob.post("/entries/"+bobEntry+"/followups", url.Values{"text": {"Bob's promise"}, "owner": {"me"}, "due_on": {"2026-11-25"}})
	return f
}

func wantStatusT(t *testing.T, r *response, want int) {
	t.Helper()
	wantStatus(t, r, want)
}

func fmtAny(v any) string { return fmt.Sprint(v) }

// getJSON GETs path as c, wants a 200, and decodes the body into v.
func getJSON(t *testing.T, c *client, path string, v any) *response {
	t.Helper()
	r := c.get(path)
	wantStatus(t, r, http.StatusOK)
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("%s: %v\n%.1000s", path, err, r.body)
	}
	return r
}

// getMarkdown GETs path as c and wants a 200 with a Markdown body.
func getMarkdown(t *testing.T, c *client, path string) *response {
	t.Helper()
	r := c.get(path)
	wantStatus(t, r, http.StatusOK)
	if ct := r.header.Get("Content-Type"); ct != "text/markdown; charset=utf-8" {
		t.Errorf("%s: Content-Type %q", path, ct)
	}
	return r
}

func TestWeekJSON(t *testing.T) {
	f := newWeekFixture(t)
	r := f.ann.get("/weeks/2026-W48.json")
	wantStatus(t, r, http.StatusOK)
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	var got struct {
		Week, Start, End string
		Total            int
		Practices        map[string]int
		Bosses           []struct {
			ID, Name string
			Count    int
		}
		FollowUps struct {
			Opened, Done, Overdue int
			OnTime                struct {
				Mine, Boss struct {
					Due, Kept int
					Rate      *float64
				}
			} `json:"on_time"`
		}
		Neglected          []string
		NeglectedFourWeeks []string `json:"neglected_four_weeks"`
		QuietBosses        []struct {
			Name      string
			LastEntry string `json:"last_entry"`
		} `json:"quiet_bosses"`
		Trend []struct {
			Week      string
			Total     int
			Practices map[string]int
		}
		Streak int
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.body)
	}
	if got.Week != "2026-W48" || got.Start != "2026-11-23" || got.End != "2026-11-29" || got.Total != 3 {
		t.Errorf("week %s %s..%s total %d", got.Week, got.Start, got.End, got.Total)
	}
	wantPractices := map[string]int{"results": 2, "responsibility": 0, "priorities": 0, "team": 1, "risk": 0, "solutions": 1}
	if !reflect.DeepEqual(got.Practices, wantPractices) {
		t.Errorf("practices %v, want %v", got.Practices, wantPractices)
	}
	if len(got.Bosses) != 2 || got.Bosses[0].Name != "Dana" || got.Bosses[0].Count != 2 || got.Bosses[1].Name != "Eve" || got.Bosses[1].Count != 1 || len(got.Bosses[0].ID) != 36 {
		t.Errorf("bosses %+v", got.Bosses)
	}
	if want := []string{"responsibility", "priorities", "risk"}; !reflect.DeepEqual(got.Neglected, want) {
		t.Errorf("neglected %v, want %v", got.Neglected, want)
	}
	if want := []string{"priorities"}; !reflect.DeepEqual(got.NeglectedFourWeeks, want) {
		t.Errorf("neglected four weeks %v, want %v", got.NeglectedFourWeeks, want)
	}
	fu := got.FollowUps
	if fu.Opened != 3 || fu.Done != 2 || fu.Overdue != 1 {
		t.Errorf("follow-ups opened %d done %d overdue %d, want 3 2 1", fu.Opened, fu.Done, fu.Overdue)
	}
	mine, boss := fu.OnTime.Mine, fu.OnTime.Boss
	if mine.Due != 2 || mine.Kept != 1 || mine.Rate == nil || *mine.Rate != 0.5 {
		t.Errorf("my on-time %+v, want 1 of 2", mine)
	}
	if boss.Due != 1 || boss.Kept != 0 || boss.Rate == nil || *boss.Rate != 0 {
		t.Errorf("boss on-time %+v, want 0 of 1", boss)
	}
	if len(got.QuietBosses) != 1 || got.QuietBosses[0].Name != "Frank" || got.QuietBosses[0].LastEntry != "" {
		t.Errorf("quiet bosses %+v, want Frank only", got.QuietBosses)
	}
	if len(got.Trend) != 12 || got.Trend[0].Week != "2026-W37" || got.Trend[11].Week != "2026-W48" {
		t.Fatalf("trend weeks %d: %+v", len(got.Trend), got.Trend)
	}
	wantTrend := map[string]map[string]int{
		"2026-W48": {"results": 2, "solutions": 1, "team": 1},
		"2026-W47": {"risk": 1},
		"2026-W46": {"results": 1},
		"2026-W45": {"responsibility": 1},
	}
	for _, tw := range got.Trend {
		for _, key := range []string{"results", "responsibility", "priorities", "team", "risk", "solutions"} {
			if tw.Practices[key] != wantTrend[tw.Week][key] {
				t.Errorf("trend %s %s = %d, want %d", tw.Week, key, tw.Practices[key], wantTrend[tw.Week][key])
			}
		}
	}
	if got.Trend[11].Total != 3 {
		t.Errorf("trend W48 total %d, want 3", got.Trend[11].Total)
	}
	if got.Streak != 4 {
		t.Errorf("streak %d, want 4 (W45–W48)", got.Streak)
	}

	// Bob's week counts only his own entry.
	var bobs struct {
		Total     int
		Practices map[string]int
	}
	json.Unmarshal([]byte(f.bob.get("/weeks/2026-W48.json").body), &bobs)
	if bobs.Total != 1 || bobs.Practices["team"] != 1 || bobs.Practices["results"] != 1 {
		t.Errorf("bob's week %+v", bobs)
	}
}

func TestWeekPage(t *testing.T) {
	f := newWeekFixture(t)
	r := f.ann.get("/weeks/2026-W48")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r,
		"Week 2026-W48", "23–29 Nov 2026",
		`<svg class="trend"`, `<table class="trend-table">`,
		"Neglected this week", "Take responsibility", "Try next week:", "four weeks running",
		"Frank", "Mon 23 Nov 2026", "Wed 25 Nov 2026", "Shipped the billing export",
		"1 of 2 kept on time (50%)", "0 of 1 kept on time (0%)",
		`href="/weeks/2026-W47" rel="prev"`, `href="/weeks/2026-W48.md"`,
	)
	if strings.Contains(r.body, "Volunteered to run the migration") || strings.Contains(r.body, "Bob") {
		t.Error("the week page shows an entry from another week or another user")
	}
	if strings.Contains(r.body, `rel="next"`) {
		t.Error("the current week links to a future week")
	}
	wantBody(t, f.ann.get("/weeks/2026-W47"), `href="/weeks/2026-W48" rel="next"`, "Volunteered to run the migration")
}

func TestWeekMarkdownUpdate(t *testing.T) {
	f := newWeekFixture(t)
	r := getMarkdown(t, f.ann, "/weeks/2026-W48.md")
	wantBody(t, r,
		"# Weekly update: 2026-W48 (23–29 Nov 2026)",
		"## Delivered\n\n- Proposed a fix for the flaky release (Mon 23 Nov, with Dana)\n- Shipped the billing export (Wed 25 Nov, with Dana)\n",
		"## Progress on your priorities\n\n- **Ship the Q4 plan**: Proposed a fix for the flaky release (Mon 23 Nov)",
		"## Problems, with what I propose\n\n- Proposed a fix for the flaky release",
		"## Developing the team\n\n- Coached Lee through the review (Thu 26 Nov, with Eve)",
		"## Commitments kept\n\n- Send the deck (done Fri 27 Nov, after its due date Thu 26 Nov)\n- Intro to the CFO (done Fri 27 Nov)",
		"## Still open on my side\n\n- Draft the roadmap (due Wed 2 Dec)",
		"Thanks,\nTest User",
	)
	for _, other := range []string{"Volunteered to run the migration", "Closed the audit findings", "Old summer entry", "Bob's", "## Risks I took"} {
		if strings.Contains(r.body, other) {
			t.Errorf("the update contains %q from another week, user or an empty section", other)
		}
	}
	eve := f.ann.get("/weeks/2026-W48.md?boss_id=" + f.eve)
	wantBody(t, eve, "Hi Eve,", "Coached Lee through the review (Thu 26 Nov)")
	for _, other := range []string{"Shipped the billing export", "Approve the budget", "Send the deck"} {
		if strings.Contains(eve.body, other) {
			t.Errorf("Eve's update contains Dana's %q", other)
		}
	}
	wantStatus(t, f.bob.get("/weeks/2026-W48.md?boss_id="+f.eve), http.StatusNotFound)
	wantStatus(t, f.ann.get("/weeks/2026-W48.md?boss_id=x"), http.StatusNotFound)
}

func TestWeekRedirectAndBadWeeks(t *testing.T) {
	f := newWeekFixture(t)
	r := f.ann.get("/weeks")
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/weeks/2026-W48" {
		t.Errorf("Location %q", loc)
	}
	for _, bad := range []string{"2026-W54", "2026-W00", "2026-48", "2025-W53", "2026-W48x"} {
		r := f.ann.get("/weeks/" + bad)
		if r.status != http.StatusBadRequest {
			t.Errorf("/weeks/%s: status %d, want 400", bad, r.status)
		}
	}
	wantStatus(t, f.ann.get("/weeks/2026-W53"), http.StatusOK)
	// A format leadup does not have is no route.
	wantStatus(t, f.ann.get("/weeks/2026-W48.xml"), http.StatusNotFound)
	wantStatus(t, f.ann.get("/weeks/2026-W48.json.json"), http.StatusNotFound)
	wantStatus(t, f.ann.get("/weeks/2026-W54.md"), http.StatusBadRequest)
	wantStatus(t, f.ann.get("/weeks/2026-W54.json"), http.StatusBadRequest)
}

func TestWeeksFollowTheUsersZone(t *testing.T) {
	app := newTestApp(t)
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) // Sunday noon UTC
	app.useClock(func() time.Time { return now })
	for zone, want := range map[string]string{"Pacific/Kiritimati": "/weeks/2026-W49", "Pacific/Pago_Pago": "/weeks/2026-W48"} {
		c := app.client()
		r := c.post("/signup", url.Values{"email": {zone + "@example.com"}, "password": {"correct horse battery"}, "display_name": {"Z"}, "timezone": {zone}})
		wantStatus(t, r, http.StatusSeeOther)
		if loc := c.get("/weeks").header.Get("Location"); loc != want {
			t.Errorf("%s: /weeks → %q, want %q", zone, loc, want)
		}
	}
}

func TestPrep(t *testing.T) {
	f := newWeekFixture(t)
	r := f.ann.get("/bosses/" + f.dana + "/prep")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Next 1:1 with Dana",
		"I owe", "Draft the roadmap", "Boss owes", "Approve the budget", "overdue since",
		"Ship the Q4 plan", "last worked on Mon 23 Nov 2026",
		"Proposed a fix for the flaky release", "Volunteered to run the migration",
		"Not shown with Dana in four weeks", "Develop your team")
	if strings.Contains(r.body, "Coached Lee") {
		t.Error("prep for Dana lists an entry with Eve")
	}
	md := getMarkdown(t, f.ann, "/bosses/"+f.dana+"/prep.md")
	wantBody(t, md,
		"# 1:1 with Dana: Friday 27 November 2026",
		"## What I owe\n\n- Draft the roadmap (due Wed 2 Dec)",
		"## What Dana owes\n\n- Approve the budget (overdue since Tue 24 Nov)",
		"## Their priorities\n\n- Ship the Q4 plan (last worked on Monday 23 November 2026)",
		"## Problems to raise, with a proposal\n\n- Proposed a fix for the flaky release (Mon 23 Nov)",
		"## Risks to talk through\n\n- Volunteered to run the migration (Fri 20 Nov)",
		"## Last conversations\n\n- Shipped the billing export (Wed 25 Nov)",
	)
	wantStatus(t, f.bob.get("/bosses/"+f.dana+"/prep"), http.StatusNotFound)
	wantStatus(t, f.bob.get("/bosses/"+f.dana+"/prep.md"), http.StatusNotFound)
}

func TestHomeGlance(t *testing.T) {
	f := newWeekFixture(t)
	r := f.ann.get("/")
	wantBody(t, r, "This week at a glance", `href="/weeks/2026-W48"`, "Not yet this week:", "1 overdue follow-up")
	// The capture form comes first, so it fits the first phone screen;
	// the glance follows it.
	if strings.Index(r.body, "This week at a glance") < strings.Index(r.body, `action="/entries"`) {
		t.Error("the glance is above the capture form")
	}
}

// A boss the store fails to read is a server error, not a boss that is
// not there: the filter's failure must not read as 404.
func TestWeekMarkdownBossReadErrorIs500(t *testing.T) {
	f := newWeekFixture(t)
	if _, err := f.app.db.Writer().Exec("UPDATE bosses SET created_at = 'not a time' WHERE id = ?", f.eve); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, f.ann.get("/weeks/2026-W48.md?boss_id="+f.eve), http.StatusInternalServerError)
	wantStatus(t, f.ann.get("/weeks/2026-W48.md?boss_id="+f.dana), http.StatusOK)
}
