package remind

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

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
	u, err := r.db.FindUserByID(ctx, c.UserID)
	if journal.ErrorCode(err) == journal.ENOTFOUND {
		return msg, true, nil // the account was deleted after the claim
	}
	if err != nil {
		return msg, false, err
	}
	var m letter
	switch c.Kind {
	case journal.KindAfterMeeting:
		m, skip, err = r.afterMeeting(ctx, u, c.Period)
	case journal.KindWeeklyReview:
		m, err = r.weeklyReview(ctx, u, c.Period)
	case journal.KindFollowUpsDigest:
		m, skip, err = r.digest(ctx, u, c.Period)
	default:
		err = fmt.Errorf("unknown reminder kind %q", c.Kind)
	}
	if err != nil || skip {
		return msg, skip, err
	}
	epoch, err := r.db.ReminderEpoch(ctx, u.ID)
	if err != nil {
		return msg, false, err
	}
	m.Greeting = "Hello " + u.DisplayName + ","
	m.Unsub = r.baseURL + "/unsubscribe/" + UnsubscribeToken(r.signer, u.PublicID, c.Kind, epoch)
	m.List = r.listID(c.Kind)
	return r.message(u, m, c.MessageID, r.db.Now()), false, nil
}

func (r *Runner) afterMeeting(ctx context.Context, u *journal.User, period string) (letter, bool, error) {
	schedID, date, _ := strings.Cut(period, "/")
	s, err := r.db.FindScheduleByPublicID(ctx, u.ID, schedID)
	if journal.ErrorCode(err) == journal.ENOTFOUND {
		return letter{}, true, nil // the schedule is gone: nothing to remind of
	}
	if err != nil {
		return letter{}, false, err
	}
	boss, err := r.db.FindBoss(ctx, u.ID, s.BossID)
	if err != nil {
		return letter{}, false, err
	}
	if boss.Archived {
		return letter{}, true, nil // archived bosses are gone from the entry form the mail opens
	}
	done, err := r.db.HasEntryWithBoss(ctx, u.ID, s.BossID, date)
	if err != nil || done {
		return letter{}, done, err
	}
	return letter{
		Subject: "Your 1:1 with " + s.BossName + ": note it while it is fresh",
		Lines: []string{
			"Your 1:1 with " + s.BossName + " has just ended.",
			"Take a minute now: what was decided, what did you promise, and what does " + s.BossName + " care about most this week?",
		},
		Action: "Write the entry",
		Link:   r.baseURL + "/entries/new?boss_id=" + strconv.FormatInt(s.BossID, 10),
		Footer: "You get this because reminders are on in the 1:1 schedule with " + s.BossName + ".",
	}, false, nil
}

func (r *Runner) weeklyReview(ctx context.Context, u *journal.User, period string) (letter, error) {
	w, err := journal.ParseWeek(period)
	if err != nil {
		return letter{}, err
	}
	today := journal.Today(r.db.Now(), u.Location())
	sum, err := r.db.WeekSummary(ctx, u.ID, w, today)
	if err != nil {
		return letter{}, err
	}
	m := letter{
		Subject: "Your week in leading up: " + journal.DateRange(w.Start, w.End),
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
	fus, err := r.db.FindOpenFollowUpsWithDueDate(ctx, u.ID, w.End, maxMailFollowUps)
	if err != nil {
		return letter{}, err
	}
	m.After = append(m.After, followUpLines(fus, today)...)
	return m, nil
}

func (r *Runner) digest(ctx context.Context, u *journal.User, date string) (letter, bool, error) {
	fus, err := r.db.FindOpenFollowUpsWithDueDate(ctx, u.ID, date, maxMailFollowUps)
	if err != nil || len(fus) == 0 {
		return letter{}, len(fus) == 0, err
	}
	return letter{
		Subject: fmt.Sprintf("%d %s due or overdue", len(fus), plural(len(fus), "follow-up", "follow-ups")),
		Lines:   followUpLines(fus, date),
		Action:  "Open your follow-ups",
		Link:    r.baseURL + "/followups",
		Footer:  "You get this on days when something is due, because the follow-up digest is on in your notification settings.",
	}, false, nil
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
		if f.DueOn < today {
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
