package server

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// maxFollowUpsPage is the most HTML one page of /followups may weigh, with
// long follow-ups and entry summaries: a heavy user's page was 358 KB.
const maxFollowUpsPage = 60_000

// TestFollowUpsPagesAHeavyUser checks that a user with many open follow-ups
// gets /followups a bounded page at a time, that following its "More" link
// from the first page reaches every open follow-up exactly once, soonest
// due first across the pages (those without a due date last), and that
// marking one done on a later page returns to that page.
func TestFollowUpsPagesAHeavyUser(t *testing.T) {
	app, c := newAnnApp(t)
	var entries []int64
	for _, boss := range []string{"Dana", "Eve", "Fay"} {
		e := c.createdID("/entries", entryForm("new_boss_name", boss,
			"summary", "Quarterly planning with "+boss+": numbers, hiring and the roadmap for next year"), "/entries/")
		id, err := strconv.ParseInt(e, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, id)
	}
	userID := app.scalar("SELECT id FROM users WHERE email = 'ann@example.com'").(int64)
	const open = 180
	type item struct {
		text, due string
		rank      int
	}
	var want []item
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range open {
		in := journal.FollowUpInput{Owner: "me",
			Text: fmt.Sprintf("Promise %03d: send the quarterly numbers to finance with a short note on hiring", i)}
		if i%10 != 9 { // every tenth has no due date
			in.DueOn = start.AddDate(0, 0, (i*37)%open).Format(journal.DateLayout)
		}
		if _, err := app.db.CreateFollowUp(context.Background(), userID, entries[i%len(entries)], in); err != nil {
			t.Fatal(err)
		}
		want = append(want, item{text: fmt.Sprintf("Promise %03d", i), due: in.DueOn})
	}
	// The expected order: by due date, none last, then as created.
	rank := map[string]int{}
	for i, a := range want {
		for j, b := range want {
			bFirst := (b.due != "" && a.due == "") || (a.due != "" && b.due != "" && b.due < a.due) ||
				(a.due == b.due && j < i)
			if bFirst {
				want[i].rank++
			}
		}
		rank[a.text] = want[i].rank
	}

	listed := regexp.MustCompile(`aria-label="Mark done: (Promise \d{3})`)
	more := regexp.MustCompile(`<a href="([^"]+)" rel="next">`)
	seen := map[string]int{} // text → page
	lastRank := -1
	pages := 0
	for path := "/followups"; path != ""; pages++ {
		if pages > open {
			t.Fatalf("more than %d pages: the More links go round", open)
		}
		r := c.get(path)
		wantStatus(t, r, http.StatusOK)
		t.Logf("%s: %d bytes", path, len(r.body))
		if len(r.body) > maxFollowUpsPage {
			t.Errorf("%s weighs %d bytes, want at most %d", path, len(r.body), maxFollowUpsPage)
		}
		// Grouped by boss within a page, but every follow-up on a page comes
		// before every one on the next.
		minRank, maxRank := open, -1
		for _, m := range listed.FindAllStringSubmatch(r.body, -1) {
			if p, ok := seen[m[1]]; ok {
				t.Errorf("%s listed on page %d and again on %s", m[1], p, path)
			}
			seen[m[1]] = pages + 1
			minRank, maxRank = min(minRank, rank[m[1]]), max(maxRank, rank[m[1]])
		}
		if maxRank < 0 {
			t.Fatalf("%s lists no follow-up", path)
		}
		if minRank <= lastRank {
			t.Errorf("%s lists a follow-up due sooner than one on the page before (ranks %d–%d after %d)", path, minRank, maxRank, lastRank)
		}
		lastRank = maxRank
		path = ""
		if m := more.FindStringSubmatch(r.body); m != nil {
			path = html.UnescapeString(m[1])
		}
	}
	if len(seen) != open {
		t.Errorf("the pages list %d of %d open follow-ups", len(seen), open)
	}
	if pages < 2 {
		t.Fatalf("%d open follow-ups on %d page", open, pages)
	}

	// Marking one done on page 2 returns to page 2, where it is gone.
	r := c.get("/followups?page=2")
	wantBody(t, r, `name="next" value="/followups?page=2"`, `rel="prev"`)
	m := listed.FindStringSubmatch(r.body)
	fuID := fmt.Sprint(app.scalar("SELECT id FROM followups WHERE text LIKE ? || ':%'", m[1]))
	r = c.post("/followups/"+fuID, url.Values{"done": {"1"}, "next": {"/followups?page=2"}})
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/followups?page=2" {
		t.Errorf("Location %q after marking done on page 2, want /followups?page=2", loc)
	}
	if body := c.get("/followups?page=2").body; regexp.MustCompile(`Mark done: ` + m[1] + `\b`).MatchString(body) {
		t.Errorf("%s is still listed after it was marked done", m[1])
	}
}

// TestFollowUpsRefusesABadPage checks the page parameter as /entries does:
// anything but a whole number from 1 is a 400 that says so, and a page
// past the last says that rather than looking like nothing is open.
func TestFollowUpsRefusesABadPage(t *testing.T) {
	_, c, _, entry := danaEntry(t)
	wantStatus(t, c.post("/entries/"+entry+"/followups", url.Values{"text": {"Send the plan"}, "owner": {"me"}}), http.StatusSeeOther)
	for _, page := range []string{"0", "-1", "two", "1.5", "99999999999"} {
		r := c.get("/followups?page=" + url.QueryEscape(page))
		wantStatus(t, r, http.StatusBadRequest)
		wantBody(t, r, "There is no such page")
	}
	r := c.get("/followups?page=7")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "This page is past the last open follow-up.", `rel="prev"`)
}
