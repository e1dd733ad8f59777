package remind

import (
	"bytes"
	"context"
	"mime"
	"net/mail"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/leadup/leadup/internal/journal"
)

// listIDForm is RFC 2919's List-Id: an optional phrase, then a label of
// dot-atoms with at least one dot between angle brackets.
var listIDForm = regexp.MustCompile(`^[^<>]*<[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+)+>$`)

// TestReminderMailAsReceived reads two reminders as the relay received
// them, with net/mail (and mime/multipart in the relay) and an HTML
// parser: a List-Id per kind, no field folded straight after its colon, a
// <title> in the HTML part, and the weekly practice counts under their
// own heading.
func TestReminderMailAsReceived(t *testing.T) {
	f := newFixture(t, false, "https://leadup.example.com/")
	f.clock.Set(mustTime("2026-11-20T00:00:00Z"))
	u := f.user("robin@example.com", "Europe/Berlin")
	// A long name that is not ASCII makes the Subject an encoded-word
	// longer than a line.
	b := f.boss(u, "Zoë Müller-Lüdenscheidt")
	f.schedule(u, b, monday10)
	f.settings(u, journal.NotificationSettings{WeeklyReview: true, WeeklyDay: 5, WeeklyTime: "16:00", DigestTime: "07:00"})
	f.passAt("2026-11-23T09:30:00Z")
	f.clock.Set(mustTime("2026-11-24T08:00:00Z"))
	if _, err := f.db.CreateEntry(context.Background(), u.ID, journal.EntryInput{BossID: b.ID, OccurredOn: "2026-11-24", Kind: "one_on_one", Summary: "Plan", Practices: []string{"results"}}); err != nil {
		t.Fatal(err)
	}
	f.passAt("2026-11-27T15:00:00Z")
	msgs := f.relay.messages()
	if len(msgs) != 2 {
		t.Fatalf("relay got %d messages, want the 1:1 reminder and the weekly review", len(msgs))
	}
	for i, want := range []struct{ subject, listID string }{
		{"Your 1:1 with Zoë Müller-Lüdenscheidt: note it while it is fresh", "leadup after meeting <after-meeting.leadup.example.com>"},
		{"Your week in leading up: 23–29 Nov 2026", "leadup weekly review <weekly-review.leadup.example.com>"},
	} {
		m := msgs[i]
		msg, err := mail.ReadMessage(bytes.NewReader(m.Raw))
		if err != nil {
			t.Fatalf("message %d does not parse: %v", i, err)
		}
		subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil || subject != want.subject {
			t.Errorf("Subject decodes to %q (%v), want %q", subject, err, want.subject)
		}
		if got := msg.Header.Get("List-Id"); got != want.listID || !listIDForm.MatchString(got) {
			t.Errorf("List-Id %q, want %q in RFC 2919 form", got, want.listID)
		}
		checkHeaderFolding(t, m.Raw)
		if got := htmlTitle(t, m.HTML); got != want.subject {
			t.Errorf("HTML part's <title> is %q, want the subject %q", got, want.subject)
		}
	}

	weekly := msgs[1]
	items := htmlListAfterHeading(t, weekly.HTML, "Practices this week")
	if len(items) != len(journal.Practices) || items[0] != "Deliver results: 1" || items[3] != "Develop your team: 0" {
		t.Errorf("the list under the heading holds %q, want the six practice counts", items)
	}
	contains(t, "weekly text part", strings.ReplaceAll(weekly.Text, "\r\n", "\n"), "Practices this week\n\n  Deliver results: 1\n")
}

// foldedHere are the fields leadup folds itself (mailer.headerValue). The
// others are go-mail's: it may fold a long Message-ID after the colon,
// which RFC 5322 allows there (msg-id starts with CFWS), but not in an
// unstructured field such as Subject, where readers show it empty.
var foldedHere = map[string]bool{"Subject": true, "List-Id": true, "List-Unsubscribe": true}

// checkHeaderFolding fails the test when a field that leadup folds starts
// on a line of its own after the colon, or a Subject line is over 76.
func checkHeaderFolding(t *testing.T, raw []byte) {
	t.Helper()
	head, _, ok := bytes.Cut(raw, []byte("\r\n\r\n"))
	if !ok {
		t.Fatal("no blank line after the header")
	}
	inSubject := false
	for _, line := range strings.Split(string(head), "\r\n") {
		if line != "" && (line[0] == ' ' || line[0] == '\t') {
			if inSubject && len(line) > 76 {
				t.Errorf("Subject line of %d characters: %q", len(line), line)
			}
			continue
		}
		name, value, _ := strings.Cut(line, ":")
		if foldedHere[name] && strings.TrimSpace(value) == "" {
			t.Errorf("the %s field is folded straight after its colon: %q", name, line)
		}
		inSubject = name == "Subject"
		if inSubject && len(line) > 76 {
			t.Errorf("Subject line of %d characters: %q", len(line), line)
		}
	}
}

// htmlTitle is the text of the document's <title>.
func htmlTitle(t *testing.T, doc string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.Data == "title" && n.FirstChild != nil {
			return n.FirstChild.Data
		}
	}
	return ""
}

// htmlListAfterHeading is the items of the list that follows the heading
// whose text is heading, or nil when no such heading has a list next.
func htmlListAfterHeading(t *testing.T, doc, heading string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode || !regexp.MustCompile(`^h[1-6]$`).MatchString(n.Data) || n.FirstChild == nil || n.FirstChild.Data != heading {
			continue
		}
		next := n.NextSibling
		for next != nil && next.Type != html.ElementNode {
			next = next.NextSibling
		}
		if next == nil || next.Data != "ul" {
			return nil
		}
		var items []string
		for li := range next.ChildNodes() {
			if li.Data == "li" && li.FirstChild != nil {
				items = append(items, li.FirstChild.Data)
			}
		}
		return items
	}
	return nil
}
