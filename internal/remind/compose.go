package remind

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/mailer"
)

// maxMailFollowUps bounds the follow-ups one mail lists.
const maxMailFollowUps = 50

// letter is what every reminder says, before it becomes text and HTML.
type letter struct {
	Subject  string
	Greeting string
	Lines    []string // paragraphs
	Heading  string   // the list's heading, "" for none
	Items    []string // a list, may be empty
	After    []string // paragraphs after the list
	Action   string   // the button's words
	Link     string   // where the button goes
	Footer   string   // why this mail came
	Unsub    string   // the unsubscribe link, "" for a test mail
	List     string   // the List-Id of a reminder kind, "" for a one-off mail
}

// compose writes the mail for a claim. skip is true when the reminder has
// nothing to say: the entry was already written, or nothing is due.
func (r *Runner) compose(ctx context.Context, c journal.Claim) (msg mailer.Message, skip bool, err error) {
	now := r.core.Now()
	d, err := r.core.ReminderMail(ctx, c, now, maxMailFollowUps)
	if err != nil || d.Skip {
		return msg, d.Skip, err
	}
	var m letter
	switch c.Kind {
	case journal.KindAfterMeeting:
		m = r.afterMeeting(d.Schedule)
	case journal.KindWeeklyReview:
		m = r.weeklyReview(d)
	default:
		m = r.digest(d)
	}
	u := d.User
	m.Greeting = "Hello " + u.DisplayName + ","
	m.Unsub = r.baseURL + "/unsubscribe/" + UnsubscribeToken(r.signer, u.PublicID, c.Kind, d.Epoch)
	m.List = r.listID(c.Kind)
	return r.message(u, m, c.MessageID, now), false, nil
}

func (r *Runner) afterMeeting(s *journal.Schedule) letter {
	return letter{
		Subject: "Your 1:1 with " + s.BossName + ": note it while it is fresh",
		Lines: []string{
			"Your 1:1 with " + s.BossName + " has just ended.",
			"Take a minute now: what was decided, what did you promise, and what does " + s.BossName + " care about most this week?",
		},
		Action: "Write the entry",
		Link:   r.baseURL + "/entries/new?boss_id=" + strconv.FormatInt(s.BossID, 10),
		Footer: "You get this because reminders are on in the 1:1 schedule with " + s.BossName + ".",
	}
}

func (r *Runner) weeklyReview(d core.ReminderMail) letter {
	sum, w := d.Week, d.Week.Week
	m := letter{
		Subject: "Your week in leading up: " + r.langs.Localizer(d.User.Language).DateRange(w.Start, w.End),
		Lines:   []string{fmt.Sprintf("This week you logged %d %s.", sum.Total, plural(sum.Total, "entry", "entries"))},
		Action:  "Open the weekly review",
		Link:    r.baseURL + "/weeks/" + w.String(),
		Footer:  "You get this because the weekly review is on in your notification settings.",
		Heading: "Practices this week",
	}
	for _, p := range journal.Practices {
		m.Items = append(m.Items, fmt.Sprintf("%s: %d", p.Label, sum.Practices[p.Key]))
	}
	for _, key := range sum.Neglected {
		if p, ok := journal.FindPractice(key); ok {
			m.After = append(m.After, "Nothing for "+p.Label+" this week. Try next week: "+p.Try)
		}
	}
	m.After = append(m.After, followUpLines(d.FollowUps, d.Today)...)
	return m
}

func (r *Runner) digest(d core.ReminderMail) letter {
	fus := d.FollowUps
	return letter{
		Subject: fmt.Sprintf("%d %s due or overdue", len(fus), plural(len(fus), "follow-up", "follow-ups")),
		Lines:   followUpLines(fus, d.Today),
		Action:  "Open your follow-ups",
		Link:    r.baseURL + "/followups",
		Footer:  "You get this on days when something is due, because the follow-up digest is on in your notification settings.",
	}
}

// followUpLines lists follow-ups, saying who owes each and whether it is late.
func followUpLines(fus []*journal.FollowUp, today string) []string {
	if len(fus) == 0 {
		return []string{"No follow-up is due or overdue."}
	}
	out := []string{"Follow-ups due and overdue:"}
	for _, f := range fus {
		who := "You owe " + f.BossName
		if f.Owner == "boss" {
			who = f.BossName + " owes you"
		}
		state := "due " + f.DueOn
		if f.Overdue(today) {
			state = "overdue since " + f.DueOn
		}
		out = append(out, "- "+who+": "+f.Text+" ("+state+")")
	}
	return out
}

func (r *Runner) testMessage(u *journal.User, now time.Time) mailer.Message {
	m := letter{
		Subject:  "leadup test mail",
		Greeting: "Hello " + u.DisplayName + ",",
		Lines:    []string{"This is a test from your leadup server. Mail works: reminders will reach you at this address."},
		Action:   "Open your notification settings",
		Link:     r.baseURL + "/settings/notifications",
		Footer:   "You get this because you asked for a test mail.",
	}
	id := r.signer.Sign(messageIDPurpose, "test", itoa(u.ID), now.String()) + "@" + r.domain
	return r.message(u, m, id, now)
}

// listID is the List-Id of a reminder kind (RFC 2919): a name, and a
// label under the server's own host name, such as
// `leadup weekly review <weekly-review.leadup.example.com>`.
func (r *Runner) listID(kind string) string {
	return "leadup " + strings.ReplaceAll(kind, "_", " ") + " <" + strings.ReplaceAll(kind, "_", "-") + "." + r.domain + ">"
}

// writeParagraphs writes lines as the text part's paragraphs; a line that
// starts with "- " is a list item and keeps to its list.
func writeParagraphs(text *strings.Builder, lines []string) {
	for _, l := range lines {
		text.WriteString(l + "\n")
		if !strings.HasPrefix(l, "- ") {
			text.WriteString("\n")
		}
	}
}

// message renders a mail into its text and HTML parts.
func (r *Runner) message(u *journal.User, m letter, messageID string, now time.Time) mailer.Message {
	var text strings.Builder
	text.WriteString(m.Greeting + "\n\n")
	writeParagraphs(&text, m.Lines)
	if m.Heading != "" && len(m.Items) > 0 {
		text.WriteString(m.Heading + "\n\n")
	}
	for _, it := range m.Items {
		text.WriteString("  " + it + "\n")
	}
	if len(m.Items) > 0 {
		text.WriteString("\n")
	}
	writeParagraphs(&text, m.After)
	text.WriteString(m.Action + ": " + m.Link + "\n\n-- \n" + m.Footer + "\n")
	if m.Unsub != "" {
		text.WriteString("Turn this reminder off: " + m.Unsub + "\n")
	}
	var html bytes.Buffer
	if err := htmlMail.Execute(&html, m); err != nil {
		// The template is fixed and its data are strings: it cannot fail.
		panic(err)
	}
	return mailer.Message{
		To: u.Email, Subject: m.Subject, Text: text.String(), HTML: html.String(), MessageID: messageID,
		Date: now, ListID: m.List, Unsubscribe: m.Unsub, OneClick: m.Unsub != "" && strings.HasPrefix(r.baseURL, "https://"),
	}
}

var htmlMail = template.Must(template.New("mail").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 36em">
<p>{{.Greeting}}</p>
{{range .Lines}}<p>{{.}}</p>
{{end}}{{if .Items}}{{if .Heading}}<h2 style="font-size: 1.1em">{{.Heading}}</h2>
{{end}}<ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>
{{end}}{{range .After}}<p>{{.}}</p>
{{end}}<p><a href="{{.Link}}">{{.Action}}</a></p>
<hr><p style="color: #555; font-size: 0.9em">{{.Footer}}{{if .Unsub}} <a href="{{.Unsub}}">Turn this reminder off</a>.{{end}}</p>
</body></html>
`))

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
