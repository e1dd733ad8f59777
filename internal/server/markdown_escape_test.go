package server

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/leadup/leadup/internal/journal"
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

	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	week := journal.WeekOfDate(today).String()
	for _, path := range []string{"/export.md", "/weeks/" + week + ".md", "/weeks/" + week + ".md?boss_id=" + boss, "/bosses/" + boss + "/prep.md", "/review.md?from=" + today + "&to=" + today} {
		r := c.get(path)
		wantStatus(t, r, 200)
		if !strings.Contains(r.body, "onerror") {
			t.Errorf("%s does not show the user's text at all\n%s", path, r.body)
		}
		var out bytes.Buffer
		if err := md.Convert([]byte(r.body), &out); err != nil {
			t.Fatal(err)
		}
		rendered := strings.ToLower(out.String())
		for _, live := range []string{"<img", "<script", "<iframe", "<b ", "javascript:alert(2)\"", `href="javascript`, "<a href=javascript"} {
			if strings.Contains(rendered, live) {
				t.Errorf("%s renders live markup %q:\n%s", path, live, out.String())
			}
		}
		if path == "/export.md" && !strings.Contains(out.String(), "<strong>bold</strong>") {
			t.Errorf("notes lost their own Markdown:\n%s", out.String())
		}
	}
}
