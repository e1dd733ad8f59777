package web

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// EntryForm is the entry form, for quick capture, a new entry or an edit.
type EntryForm struct {
	Form
	Practices  []string // the checked practice keys
	Bosses     []*journal.Boss
	Priorities []PriorityOption
	Action     string // where the form posts
	Submit     string // the button's label
	Token      string // the create form's one-use token; "" when editing
	Capture    bool   // a new entry: offers a follow-up and keeps a draft
	DraftKey   string // where app.js keeps this user's draft
}

// moreFields are the entry fields folded under "More".
var moreFields = []string{"new_boss_name", "kind", "notes", "priority_id", "followup_text", "followup_owner", "followup_due_on"}

// moreOpen shows the folded fields when they hold something to see: an
// error, notes (shared text, or an entry being edited), a typed follow-up,
// or a problem or bet block (whose own errors are in it too).
func (f EntryForm) moreOpen() bool {
	for _, n := range moreFields {
		if f.Err(n) != "" {
			return true
		}
	}
	return f.Get("notes") != "" || f.Get("followup_text") != "" || (len(f.Bosses) > 0 && f.Get("new_boss_name") != "") ||
		problemTyped(f.Form) || betTyped(f.Form) || forecastTyped(f.Form)
}

// PriorityOption is an active priority offered in the entry form.
type PriorityOption struct {
	ID       int64
	BossName string
	Text     string
}

func (f EntryForm) checked(key string) bool { return slices.Contains(f.Practices, key) }

// HomeView is the signed-in home page.
type HomeView struct {
	DisplayName string
	Glance      Glance
	Capture     EntryForm
	WeekLabel   string
	WeekEntries []*journal.Entry
	WeekTotal   int // the week's entries, of which WeekEntries are the latest
	FollowUps   []*journal.FollowUp
	Today       string
	BetsDue     []*journal.Bet

	ForecastsDue []*journal.Forecast
}

// EntriesView is the entry list.
type EntriesView struct {
	Filter  Form
	Bosses  []*journal.Boss
	Entries []*journal.Entry
	Count   int
	Capped  bool // more than Count match; counting stopped there
	Page    int
	PrevURL string
	NextURL string
}

// EntryView is one entry.
type EntryView struct {
	Entry        *journal.Entry
	NotesHTML    string // sanitised by internal/markdown
	FollowUps    []*journal.FollowUp
	FollowUpForm Form
	Today        string
	Blocks       BlockForms
	CreatedToken string // the form token that created the entry: its draft can go
}

// BossesView is the boss list.
type BossesView struct {
	Active   []*journal.Boss
	Archived []*journal.Boss
	Form     Form
}

// BossView is one boss's page.
type BossView struct {
	Boss         *journal.Boss
	Form         Form
	Priorities   []*journal.Priority
	PriorityForm Form
	FollowUps    []*journal.FollowUp
	MoreFollowUp bool // more are open than FollowUps holds
	Mix          []MixRow
	Recent       []*journal.Entry
	Today        string
	Schedule     ScheduleForm
	Evidence     *journal.BossEvidence // manual, drift and this quarter's promises
	ManualForm   Form
}

// MixRow is one practice's count.
type MixRow struct {
	Practice journal.Practice
	Count    int
}

// FollowUpGroup is one boss's open follow-ups.
type FollowUpGroup struct {
	BossID   int64
	BossName string
	Items    []*journal.FollowUp
}

// FollowUpsView is the open follow-ups page.
type FollowUpsView struct {
	Groups    []FollowUpGroup
	Total     int
	Today     string
	Withdrawn int // removed follow-ups, counted but never listed
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func practiceLabel(key string) string {
	if p, ok := journal.FindPractice(key); ok {
		return p.Label
	}
	return key
}

func kindLabel(k string) string     { return journal.OptionLabel(journal.Kinds, k) }
func relationLabel(r string) string { return journal.OptionLabel(journal.Relations, r) }
func ownerLabel(o string) string {
	if o == "boss" {
		return "Boss owes"
	}
	return "I owe"
}

// longDate writes 2026-11-27 as "Fri 27 Nov 2026", as pages do.
func longDate(s string) string { return journal.FormatDate(s, journal.DayYearLayout) }

func dueText(f *journal.FollowUp, today string) string {
	switch {
	case f.DoneAt != nil:
		return "done " + longDate(f.DoneOn)
	case f.DueOn == "":
		return "no due date"
	case f.DueOn < today:
		return "overdue since " + longDate(f.DueOn)
	case f.DueOn == today:
		return "due today"
	default:
		return "due " + longDate(f.DueOn)
	}
}

func sinceText(t time.Time) string { return t.UTC().Format("2 Jan 2006") }

// SnippetPart is a piece of a search snippet; Mark is set on matched terms.
type SnippetPart struct {
	Text string
	Mark bool
}

// snippetParts splits a snippet at its match markers, so that the page can
// highlight matches with <mark> while templ escapes all of the text.
func snippetParts(s string) []SnippetPart {
	var parts []SnippetPart
	for s != "" {
		open := strings.Index(s, journal.SnippetOpen)
		if open < 0 {
			parts = append(parts, SnippetPart{Text: s})
			break
		}
		if open > 0 {
			parts = append(parts, SnippetPart{Text: s[:open]})
		}
		s = s[open+len(journal.SnippetOpen):]
		end := strings.Index(s, journal.SnippetClose)
		if end < 0 {
			end = len(s)
		}
		parts = append(parts, SnippetPart{Text: s[:end], Mark: true})
		s = strings.TrimPrefix(s[end:], journal.SnippetClose)
	}
	return parts
}
