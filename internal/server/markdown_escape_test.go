package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown/mdtest"
)

// TestMarkdownDownloadsCarryNoLiveMarkup puts hostile markup in every
// piece of user text a Markdown download shows, then renders each download
// with a permissive renderer (raw HTML allowed, as many editors and mail
// tools do): no tag, image or script link may come out.
func TestMarkdownDownloadsCarryNoLiveMarkup(t *testing.T) {
	app, c := newAnnApp(t)
	c.post("/settings", url.Values{"action": {"profile"}, "display_name": {"Ann <b onmouseover=alert(1)>"}, "timezone": {"UTC"}})
	boss := c.createdID("/bosses", url.Values{"name": {`Dana <img src=x onerror=alert("boss")>`}, "relation": {"manager"}}, "/bosses/")
	c.post("/bosses/"+boss+"/priorities", url.Values{"text": {"[priority](javascript:alert(2))"}})
	prio := fmt.Sprint(app.scalar("SELECT max(id) FROM priorities"))
	today := time.Now().UTC().Format(journal.DateLayout)
	entry := c.createdID("/entries", entryForm("boss_id", boss, "occurred_on", today, "priority_id", prio,
		"summary", `<img src=x onerror=alert(1)> and [text](javascript:alert(3))`,
		"notes", "Kept **bold**.\n\n<script>alert(4)</script>\n\nInline <img src=y onerror=alert(5)> tag.",
		"practice", "solutions"), "/entries/")
	c.post("/entries/"+entry+"/followups", url.Values{"text": {"![track](/pixel.png) <iframe src=x>"}, "owner": {"me"}})
	c.post("/entries/"+entry+"/followups", url.Values{"text": {"<a href=javascript:alert(6)>ok</a>"}, "owner": {"boss"}})

	week := journal.WeekOfDate(today).String()
	for _, path := range []string{"/export.md", "/weeks/" + week + ".md", "/weeks/" + week + ".md?boss_id=" + boss, "/bosses/" + boss + "/prep.md", "/review.md?from=" + today + "&to=" + today} {
		r := c.get(path)
		wantStatus(t, r, 200)
		if !strings.Contains(r.body, "onerror") {
			t.Errorf("%s does not show the user's text at all\n%s", path, r.body)
		}
		if live := mdtest.LiveMarkup([]byte(r.body)); len(live) > 0 {
			t.Errorf("%s renders live markup %q:\n%s", path, live, r.body)
		}
		if path == "/export.md" && !strings.Contains(mdtest.Text([]byte(r.body)), "Kept bold.") {
			t.Errorf("notes lost their own Markdown:\n%s", r.body)
		}
	}
}

// TestMarkdownDownloadsWithHostileNotes writes each note of a corpus of
// hostile Markdown into its own entry (and its summary and follow-up) and
// fetches every Markdown download over HTTP: read by a CommonMark and a
// GFM renderer with raw HTML on, none holds a tag beyond formatting or a
// script link, and the notes that used to be rebuilt into tags read back
// as typed.
func TestMarkdownDownloadsWithHostileNotes(t *testing.T) {
	app, c := newAnnApp(t)
	now := time.Date(2026, 6, 5, 12, 0, 0, 0, time.UTC)
	app.setNow(now)
	boss := c.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	// The boss's operating manual holds Markdown notes, shown in the prep.
	manual := url.Values{"manual_channel": {mdtest.Hostile[0]}, "manual_notes": {strings.Join(mdtest.Hostile, "\n\n")}}
	wantStatus(t, c.post("/bosses/"+boss+"/manual", manual), http.StatusSeeOther)
	from := now.AddDate(0, 0, -len(mdtest.Hostile)).Format(journal.DateLayout)
	for i, notes := range mdtest.Hostile {
		day := now.AddDate(0, 0, -i).Format(journal.DateLayout)
		summary := strings.Join(strings.Fields(notes), " ")
		entry := c.createdID("/entries", entryForm("boss_id", boss, "occurred_on", day, "summary", summary, "notes", notes, "practice", "solutions"), "/entries/")
		c.post("/entries/"+entry+"/followups", url.Values{"text": {summary}, "owner": {"me"}, "due_on": {day}})
	}
	today := now.Format(journal.DateLayout)
	week := journal.WeekOfDate(today).String()
	for _, path := range []string{"/export.md", "/weeks/" + week + ".md", "/bosses/" + boss + "/prep.md", "/review.md?from=" + from + "&to=" + today} {
		r := c.get(path)
		wantStatus(t, r, 200)
		if live := mdtest.LiveMarkup([]byte(r.body)); len(live) > 0 {
			t.Errorf("%s renders live markup %q:\n%s", path, live, r.body)
		}
	}
	text := mdtest.Text([]byte(c.get("/export.md").body))
	for _, typed := range []string{`<scr<!-- -->ipt>alert(1)</script>`, `<im<!---->g src=x onerror=alert(1)>`, "[x](javascript:alert(1))"} {
		if !strings.Contains(text, typed) {
			t.Errorf("the export does not read %q as typed:\n%s", typed, text)
		}
	}
}
