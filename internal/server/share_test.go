package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// submittedForm reads the first form posting to action in page the way a
// browser submits it: inputs with their values (checkboxes only when
// checked), textareas' text, each select's chosen option.
func submittedForm(t *testing.T, page, action string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, key string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val, true
			}
		}
		return "", false
	}
	var form *html.Node
	for n := range doc.Descendants() {
		if a, _ := attr(n, "action"); n.Data == "form" && a == action {
			form = n
			break
		}
	}
	if form == nil {
		t.Fatalf("no form posting to %s", action)
	}
	v := url.Values{}
	for n := range form.Descendants() {
		name, ok := attr(n, "name")
		if n.Type != html.ElementNode || !ok {
			continue
		}
		switch n.Data {
		case "input":
			typ, _ := attr(n, "type")
			_, checked := attr(n, "checked")
			if (typ == "checkbox" || typ == "radio") && !checked {
				continue
			}
			val, _ := attr(n, "value")
			v.Add(name, val)
		case "textarea":
			var text strings.Builder
			for c := range n.ChildNodes() {
				text.WriteString(c.Data)
			}
			v.Add(name, text.String())
		case "select":
			var chosen string
			first := true
			for o := range n.Descendants() {
				if o.Data != "option" {
					continue
				}
				val, _ := attr(o, "value")
				if _, sel := attr(o, "selected"); sel || first {
					chosen, first = val, false
				}
			}
			v.Add(name, chosen)
		}
	}
	return v
}

// TestShareTargetIsReadyToSave follows a share from a phone's share sheet:
// the manifest's GET share target opens /entries/new with the page's
// title, text and link; the form comes back with the title as the summary
// and the rest in the notes, so one tap on a practice and Save keep it.
func TestShareTargetIsReadyToSave(t *testing.T) {
	app, ann := newAnnApp(t)
	ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	const title, text, link = "Q4 plan: what ships & what slips", "Read this before Friday", "https://example.com/plan?a=1&b=2"
	q := url.Values{"title": {title}, "text": {text}, "url": {link}}
	r := ann.get("/entries/new?" + q.Encode())
	wantStatus(t, r, http.StatusOK)
	form := submittedForm(t, r.body, "/entries")
	if form.Get("summary") != title || form.Get("notes") != text+"\n\n"+link || form.Get("boss_id") == "" {
		t.Fatalf("the shared form holds summary %q, notes %q, boss %q; want the title, the text and link, a boss",
			form.Get("summary"), form.Get("notes"), form.Get("boss_id"))
	}
	form.Add("practice", "priorities")
	id := ann.createdID("/entries", form, "/entries/")
	var summary, notes string
	if err := app.db.Reader().QueryRow("SELECT summary, notes FROM entries WHERE id = ?", id).Scan(&summary, &notes); err != nil {
		t.Fatalf("entry %s: %v", id, err)
	}
	if summary != title || notes != text+"\n\n"+link {
		t.Errorf("saved summary %q, notes %q", summary, notes)
	}

	// A title too long for a summary is cut, and kept whole in the notes.
	long := strings.Repeat("A very long page title ", 12)
	form = submittedForm(t, ann.get("/entries/new?"+url.Values{"title": {long}, "url": {link}}.Encode()).body, "/entries")
	if s := form.Get("summary"); len([]rune(s)) > 200 || !strings.HasSuffix(s, "…") || form.Get("notes") != strings.TrimSpace(long)+"\n\n"+link {
		t.Errorf("long title: summary %q, notes %q", s, form.Get("notes"))
	}
}
