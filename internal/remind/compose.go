package remind

import (
	"bytes"
	"context"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/calendar"
	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
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
	TurnOff  string   // the unsubscribe link's words
	List     string   // the List-Id of a reminder kind, "" for a one-off mail
}

// compose writes the mail for a claim, in its owner's language. skip is
// true when the reminder has nothing to say: the entry was already
// written, or nothing is due.
func (r *Runner) compose(ctx context.Context, c journal.Claim) (msg mailer.Message, skip bool, err error) {
	now := r.core.Now()
	d, err := r.core.ReminderMail(ctx, c, now, maxMailFollowUps)
	if err != nil || d.Skip {
		return msg, d.Skip, err
	}
	u := d.User
	l := r.langs.Localizer(u.Language)
	var m letter
	switch c.Kind {
	case journal.KindAfterMeeting:
		m = r.afterMeeting(l, d.Schedule)
	case journal.KindWeeklyReview:
		m = r.weeklyReview(l, d)
	default:
		m = r.digest(l, d)
	}
	m.Greeting = l.T("mail.greeting", map[string]any{"Name": u.DisplayName})
	m.Unsub = r.baseURL + "/unsubscribe/" + UnsubscribeToken(r.signer, u.PublicID, c.Kind, d.Epoch)
	m.List = r.listID(c.Kind)
	return r.message(l, u, m, c.MessageID, now), false, nil
}

func (r *Runner) afterMeeting(l *i18n.Localizer, s *journal.Schedule) letter {
	boss := map[string]any{"Boss": s.BossName}
	return letter{
		Subject: l.T("mail.after_meeting.subject", boss),
		Lines:   []string{l.T("mail.after_meeting.ended", boss), l.T("mail.after_meeting.ask", boss)},
		Action:  l.T("mail.after_meeting.action"),
		Link:    r.baseURL + "/entries/new?boss_id=" + strconv.FormatInt(s.BossID, 10),
		Footer:  l.T("mail.after_meeting.footer", boss),
	}
}

func (r *Runner) weeklyReview(l *i18n.Localizer, d core.ReminderMail) letter {
	sum, w := d.Week, d.Week.Week
	m := letter{
		Subject: l.T("mail.weekly.subject", map[string]any{"Date": l.DateRange(w.Start, w.End)}),
		Lines:   []string{l.N("mail.weekly.logged", sum.Total)},
		Action:  l.T("mail.weekly.action"),
		Link:    r.baseURL + "/weeks/" + w.String(),
		Footer:  l.T("mail.weekly.footer"),
		Heading: l.T("mail.weekly.heading"),
	}
	for _, p := range journal.Practices {
		m.Items = append(m.Items, l.T("mail.weekly.practice", map[string]any{"Practice": practiceWord(l, p.Key, "label"), "Count": sum.Practices[p.Key]}))
	}
	for _, key := range sum.Neglected {
		if _, ok := journal.FindPractice(key); ok {
			m.After = append(m.After, l.T("mail.weekly.neglected", map[string]any{"Practice": practiceWord(l, key, "label"), "Try": practiceWord(l, key, "try")}))
		}
	}
	m.After = append(m.After, followUpLines(l, d.FollowUps, d.Today)...)
	return m
}

// practiceWord is one of the words of the practice with key (its label,
// its try) in the reader's language.
func practiceWord(l *i18n.Localizer, key, word string) string {
	return l.T("practice." + key + "." + word)
}

func (r *Runner) digest(l *i18n.Localizer, d core.ReminderMail) letter {
	fus := d.FollowUps
	return letter{
		Subject: l.N("mail.digest.subject", len(fus)),
		Lines:   followUpLines(l, fus, d.Today),
		Action:  l.T("mail.digest.action"),
		Link:    r.baseURL + "/followups",
		Footer:  l.T("mail.digest.footer"),
	}
}

// followUpLines lists follow-ups, saying who owes each and whether it is late.
func followUpLines(l *i18n.Localizer, fus []*journal.FollowUp, today string) []string {
	if len(fus) == 0 {
		return []string{l.T("mail.followups.none")}
	}
	out := []string{l.T("mail.followups.heading")}
	for _, f := range fus {
		state := l.T("followup.due_on", map[string]any{"Date": l.Date(f.DueOn, i18n.DayMonthYear)})
		if f.Overdue(today) {
			state = l.T("followup.overdue_since", map[string]any{"Date": l.Date(f.DueOn, i18n.DayMonthYear)})
		}
		out = append(out, "- "+calendar.FollowUpTitle(l, f)+" ("+state+")")
	}
	return out
}

func (r *Runner) testMessage(u *journal.User, now time.Time) mailer.Message {
	l := r.langs.Localizer(u.Language)
	m := letter{
		Subject:  l.T("mail.test.subject"),
		Greeting: l.T("mail.greeting", map[string]any{"Name": u.DisplayName}),
		Lines:    []string{l.T("mail.test.text")},
		Action:   l.T("mail.test.action"),
		Link:     r.baseURL + "/settings/notifications",
		Footer:   l.T("mail.test.footer"),
	}
	id := r.signer.Sign(messageIDPurpose, "test", itoa(u.ID), now.String()) + "@" + r.domain
	return r.message(l, u, m, id, now)
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

// message renders a mail into its text and HTML parts, in the language
// of l.
func (r *Runner) message(l *i18n.Localizer, u *journal.User, m letter, messageID string, now time.Time) mailer.Message {
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
	text.WriteString(l.T("mail.link", map[string]any{"Action": m.Action, "Link": m.Link}) + "\n\n-- \n" + m.Footer + "\n")
	if m.Unsub != "" {
		text.WriteString(l.T("mail.turn_off_link", map[string]any{"Link": m.Unsub}) + "\n")
		m.TurnOff = l.T("mail.turn_off")
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
<hr><p style="color: #555; font-size: 0.9em">{{.Footer}}{{if .Unsub}} <a href="{{.Unsub}}">{{.TurnOff}}</a>.{{end}}</p>
</body></html>
`))
