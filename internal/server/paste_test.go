package server

import (
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The weekly update to every boss may reach any of them: what Dana owes
// Ann is in Dana's update only.
func TestWeekUpdateForEveryBossKeepsWhatABossOwes(t *testing.T) {
	f := newWeekFixture(t)
	all := getMarkdown(t, f.ann, "/weeks/2026-W48.md")
	for _, leak := range []string{"Approve the budget", "## Waiting on you"} {
		if strings.Contains(all.body, leak) {
			t.Errorf("the update to every boss contains %q, which Dana owes:\n%s", leak, all.body)
		}
	}
	wantBody(t, all, "## Still open on my side\n\n- Draft the roadmap (due Wed 2 Dec)")
	wantBody(t, getMarkdown(t, f.ann, "/weeks/2026-W48.md?boss_id="+f.dana),
		"## Waiting on you\n\n- Approve the budget (overdue since Tue 24 Nov)")
	if eve := getMarkdown(t, f.ann, "/weeks/2026-W48.md?boss_id="+f.eve); strings.Contains(eve.body, "Approve the budget") {
		t.Errorf("Eve's update tells what Dana owes:\n%s", eve.body)
	}
}

// A problem Dana already decided is no longer one to raise with her.
func TestPrepLeavesOutDecidedProblems(t *testing.T) {
	f := reviewFixture(t) // "Proposed moving the launch" (14 Oct) was decided
	f.ann.createdID("/entries", blockForm(f.dana, "2026-11-02", "summary", "Proposed pairing on reviews", "practice", "solutions",
		"problem", "Reviews wait days", "option", "Pair", "option", "Rota", "recommendation", "Pair"), "/entries/")
	page := f.ann.get("/bosses/" + f.dana + "/prep")
	wantStatus(t, page, http.StatusOK)
	md := getMarkdown(t, f.ann, "/bosses/"+f.dana+"/prep.md")
	wantBody(t, md, "## Problems to raise, with a proposal\n\n- Proposed a fix for the flaky release (Mon 23 Nov)\n- Proposed pairing on reviews (Mon 2 Nov)\n\n")
	for _, r := range []*response{page, md} {
		if strings.Contains(r.body, "Proposed moving the launch") {
			t.Errorf("the prep lists a problem already decided:\n%s", r.body)
		}
	}
	wantBody(t, page, "Proposed pairing on reviews")
}

// One forecast has no median: its own days are said plainly.
func TestReviewSaysNoMedianOfOneForecast(t *testing.T) {
	_, ann, dana := fixedApp(t)
	seedForecasts(t, ann, dana)
	// Only the vendor forecast (raised 20 Nov, noticed 16 Nov, landed 26
	// Nov) falls before 23 Nov.
	const q = "?from=2026-11-01&to=2026-11-22"
	page := ann.get("/review" + q)
	md := getMarkdown(t, ann, "/review.md"+q)
	wantBody(t, page, "Warning given: 6 days between raising a forecast and the day it landed (1 forecast).", "Time to raise: 4 days between noticing")
	wantBody(t, md, "- Warning given: 6 days between raising a forecast and the day it landed (1 raised).", "- Time to raise: 4 days between noticing")
	for _, r := range []*response{page, md} {
		if strings.Contains(r.body, "median") {
			t.Errorf("a median of one forecast:\n%s", r.body)
		}
	}
}

// The draft's sentences read as a person would write them.
func TestReviewDraftWording(t *testing.T) {
	f := reviewFixture(t)
	// Six months, four with entries (Aug, Sep, Oct, Nov).
	md := getMarkdown(t, f.ann, "/review.md?from=2026-06-01&to=2026-11-30")
	wantBody(t, md, "to edit before it goes anywhere. I logged work in 4 of these 6 months.\n",
		"## Develop your team\n\n1 entry in the period:\n",
		"## Deliver results\n\n3 entries in the period, strongest first:\n",
		"I raised 1 problem, with options and a recommendation: 1 taken")
	all := getMarkdown(t, f.ann, "/review.md?from=2026-09-01&to=2026-11-30")
	wantBody(t, all, "I logged work in every one of these 3 months.\n")
	one := getMarkdown(t, f.ann, "/review.md?from=2026-11-01&to=2026-11-30")
	for _, r := range []*response{md, all, one} {
		for _, slip := range []string{"Over these", "1 entry in the period. The strongest", "in 1 months", "1 months"} {
			if strings.Contains(r.body, slip) {
				t.Errorf("the draft says %q:\n%s", slip, r.body)
			}
		}
	}
	if strings.Contains(one.body, "logged work in") {
		t.Errorf("a one-month period counts its months:\n%s", one.body)
	}
}

// Every strongest list that holds back entries links to all of them, on
// the page and in the draft.
func TestReviewLinksToEveryEntryOfAPractice(t *testing.T) {
	f := reviewFixture(t) // three results entries in the autumn
	for _, day := range []string{"2026-09-02", "2026-09-03", "2026-09-04"} {
		f.ann.createdID("/entries", blockForm(f.dana, day, "summary", "Results of "+day), "/entries/")
	}
	const q = "?from=2026-09-01&to=2026-11-30"
	const all = "/entries?from=2026-09-01&amp;practice=results&amp;to=2026-11-30"
	page := f.ann.get("/review" + q)
	wantBody(t, page, `<a href="`+all+`">Show all 6 Deliver results entries</a>`)
	if strings.Contains(page.body, "Show all 1 ") || strings.Contains(page.body, "Show all 2 ") {
		t.Error("a practice whose entries are all shown links to them again")
	}
	list := f.ann.get(strings.ReplaceAll(all, "&amp;", "&"))
	wantBody(t, list, "Results of 2026-09-02", "Results of 2026-09-03", "Results of 2026-09-04",
		"Proposed a fix for the flaky release", "Shipped the billing export", "Closed the audit findings")
	wantBody(t, getMarkdown(t, f.ann, "/review.md"+q),
		"- [All 6 entries]("+f.app.ts.URL+"/entries?from=2026-09-01&practice=results&to=2026-11-30)\n")
}

// Without LEADUP_BASE_URL the draft's links are absolute all the same:
// from the Host the server accepted, or from a trusted proxy's
// X-Forwarded-Host and X-Forwarded-Proto; anyone else's are ignored.
func TestReviewDraftLinksAreAbsolute(t *testing.T) {
	trusted := func(c *Config) { c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")} }
	for _, tc := range []struct {
		name    string
		edit    []func(*Config)
		headers []string
		want    string // "" for the test server's own address
	}{
		{"own host", nil, nil, ""},
		{"forwarded by anyone", nil, []string{"X-Forwarded-Host", "192.0.2.7", "X-Forwarded-Proto", "https"}, ""},
		// X-Forwarded-Proto: https would also make the session cookie one
		// that a plain-HTTP test client never sends, so the scheme stays http.
		{"forwarded by a trusted proxy", []func(*Config){trusted}, []string{"X-Forwarded-Host", "192.0.2.7:8443", "X-Forwarded-Proto", "http"}, "http://192.0.2.7:8443"},
		{"a host the server would refuse", []func(*Config){trusted}, []string{"X-Forwarded-Host", "evil.example/x", "X-Forwarded-Proto", "http"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			app := newTestApp(t, tc.edit...)
			app.setNow(time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC))
			ann := app.signedUp("ann@example.com")
			dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
			id := ann.createdID("/entries", entryForm("boss_id", dana, "occurred_on", "2026-11-20", "summary", "Shipped it"), "/entries/")
			want := tc.want
			if want == "" {
				want = app.ts.URL
			}
			r := ann.getWith("/review.md?from=2026-11-01&to=2026-11-30", tc.headers...)
			wantStatus(t, r, http.StatusOK)
			wantBody(t, r, "[Shipped it]("+want+"/entries/"+id+")")
		})
	}
}

// ?download=1 makes each draft a file; without it the existing links
// still show the text in the browser.
func TestMarkdownDraftsDownload(t *testing.T) {
	f := newWeekFixture(t)
	for _, tc := range []struct{ path, name string }{
		{"/review.md?from=2026-09-01&to=2026-11-30", "leadup-review-2026-09-01-to-2026-11-30.md"},
		{"/weeks/2026-W48.md", "leadup-update-2026-W48.md"},
		{"/weeks/2026-W48.md?boss_id=" + f.dana, "leadup-update-2026-W48.md"},
		{"/bosses/" + f.dana + "/prep.md", "leadup-prep-2026-11-27.md"},
	} {
		inline := getMarkdown(t, f.ann, tc.path)
		if cd := inline.header.Get("Content-Disposition"); cd != "" {
			t.Errorf("%s: Content-Disposition %q, want none (read in the browser)", tc.path, cd)
		}
		sep := "?"
		if strings.Contains(tc.path, "?") {
			sep = "&"
		}
		file := getMarkdown(t, f.ann, tc.path+sep+"download=1")
		if cd, want := file.header.Get("Content-Disposition"), `attachment; filename="`+tc.name+`"`; cd != want {
			t.Errorf("%s: Content-Disposition %q, want %q", tc.path, cd, want)
		}
		if file.body != inline.body {
			t.Errorf("%s: the download differs from the text", tc.path)
		}
	}
	wantStatus(t, f.bob.get("/bosses/"+f.dana+"/prep.md?download=1"), http.StatusNotFound)
}

// Each draft on a page has its Copy button, wired by app.js and hidden
// until the script shows it, beside a download link.
func TestMarkdownDraftsHaveCopyButtons(t *testing.T) {
	f := newWeekFixture(t)
	for _, tc := range []struct{ page, draft string }{
		{"/review?from=2026-09-01&to=2026-11-30", "/review.md?from=2026-09-01&amp;to=2026-11-30"},
		{"/weeks/2026-W48", "/weeks/2026-W48.md"},
		{"/weeks/2026-W48", "/weeks/2026-W48.md?boss_id=" + f.dana},
		{"/bosses/" + f.dana + "/prep", "/bosses/" + f.dana + "/prep.md"},
	} {
		r := f.ann.get(tc.page)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, `data-copy-draft="`+tc.draft+`"`, `href="`+tc.draft+`"`)
		if !strings.Contains(r.body, `href="`+tc.draft+"?download=1") && !strings.Contains(r.body, `href="`+tc.draft+"&amp;download=1") {
			t.Errorf("%s: no download link for %s", tc.page, tc.draft)
		}
	}
	js := f.ann.get("/static/app.js")
	wantBody(t, js, "data-copy-draft", "navigator.clipboard")
}

// With nothing but what a boss owes, the update to every boss has nothing
// to say, and says so rather than opening on an empty list.
func TestWeekUpdateForEveryBossWithOnlyABossDebt(t *testing.T) {
	_, ann, dana := fixedApp(t)
	e := ann.createdID("/entries", blockForm(dana, "2026-11-10", "summary", "Asked for the budget"), "/entries/")
	wantStatus(t, ann.post("/entries/"+e+"/followups", url.Values{"text": {"Approve the budget"}, "owner": {"boss"}, "due_on": {"2026-11-24"}}), http.StatusSeeOther)
	all := getMarkdown(t, ann, "/weeks/2026-W48.md")
	wantBody(t, all, "Hi,\n\nNothing to report from my journal this week.\n\nThanks,")
	if strings.Contains(all.body, "Approve the budget") || strings.Contains(all.body, "where things stand") {
		t.Errorf("the update to every boss:\n%s", all.body)
	}
	wantBody(t, getMarkdown(t, ann, "/weeks/2026-W48.md?boss_id="+dana), "Here is where things stand this week.", "## Waiting on you\n\n- Approve the budget")
}

// Problems decided lately do not push an older open one off the prep:
// the list is the most recent open problems, not the open ones among the
// most recent.
func TestPrepListsOpenProblemsBehindDecidedOnes(t *testing.T) {
	_, ann, dana := fixedApp(t)
	problem := func(date, summary string) string {
		return ann.createdID("/entries", blockForm(dana, date, "summary", summary, "practice", "solutions",
			"problem", "Something is stuck", "option", "Wait", "option", "Act", "recommendation", "Act"), "/entries/")
	}
	problem("2026-11-02", "Proposed an older fix still open")
	for _, d := range []string{"2026-11-20", "2026-11-21", "2026-11-22"} {
		id := problem(d, "Proposed a fix decided on "+d)
		wantStatusT(t, ann.post("/entries/"+id+"/decision", url.Values{"decision": {"taken"}, "decided_on": {"2026-11-24"}}), http.StatusSeeOther)
	}
	md := getMarkdown(t, ann, "/bosses/"+dana+"/prep.md")
	wantBody(t, md, "## Problems to raise, with a proposal\n\n- Proposed an older fix still open (Mon 2 Nov)\n\n")
}
