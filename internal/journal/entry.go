package journal

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Entry limits.
const (
	MaxSummaryChars  = 200
	MaxNotesChars    = 20000
	MaxFollowUpChars = 500
	MaxPriorityChars = 300
	EntriesPerPage   = 50
)

// Kinds of interaction, in display order.
var Kinds = []Option{
	{"one_on_one", "1:1"},
	{"meeting", "Meeting"},
	{"email", "Email"},
	{"chat", "Chat"},
	{"other", "Other"},
}

// Entry is one interaction with a boss.
type Entry struct {
	ID         int64
	PublicID   string
	UserID     int64
	BossID     int64
	OccurredOn string // a local date in the user's zone
	Kind       string
	Summary    string
	Notes      string // Markdown
	Practices  []string
	PriorityID int64 // 0 when not linked
	CreatedAt  time.Time
	UpdatedAt  time.Time

	// Read along with the entry, for display.
	BossName     string
	PriorityText string
	Snippet      string // search results only: text around the match, see SnippetOpen

	// Used by export and import, which refer to records by public id.
	BossPublicID     string
	PriorityPublicID string
	FollowUps        []*FollowUp

	Problem *Problem // nil when the entry raised none
	Bet     *Bet     // nil when the entry placed none

	Forecast *Forecast // nil when the entry raised none
}

// Snippet markers: a search snippet wraps each matched term in these
// control characters, which user text cannot contain after validation, so
// the page can highlight them while escaping everything else.
const (
	SnippetOpen  = "\x02"
	SnippetClose = "\x03"
)

// EntryInput is a new or changed entry: its boss is BossID, or a new boss
// named NewBossName; PriorityID is 0 when it advances none.
type EntryInput struct {
	BossID      int64
	NewBossName string
	OccurredOn  string
	Kind        string
	Summary     string
	Notes       string
	Practices   []string
	PriorityID  int64
	Problem     *ProblemInput // nil: not sent, leave as stored; empty: remove
	Bet         *BetInput     // nil: not sent, leave as stored; empty: remove

	Forecast *ForecastInput // nil: not sent, leave as stored; empty: remove
}

// Validate normalises the input and reports every rule it breaks. today is
// the current date in the user's zone; an entry cannot happen after it.
func (in *EntryInput) Validate(today string) error {
	p := in.contentProblems(today)
	if in.NewBossName == "" && in.BossID == 0 {
		p.Add("boss_id", "Choose who this was with, or type a new name.")
	}
	return p.Err()
}

// ValidateContent is Validate without the rule that the entry names its
// boss: an import names the boss by its public id, which it checks against
// the file's own bosses.
func (in *EntryInput) ValidateContent(today string) error { return in.contentProblems(today).Err() }

func (in *EntryInput) contentProblems(today string) Problems {
	in.NewBossName = strings.TrimSpace(in.NewBossName)
	in.OccurredOn = strings.TrimSpace(in.OccurredOn)
	in.Summary = strings.TrimSpace(stripControl(in.Summary))
	in.Notes = stripControl(strings.ReplaceAll(in.Notes, "\r\n", "\n"))
	p := Problems{}
	if in.NewBossName != "" {
		if utf8.RuneCountInString(in.NewBossName) > MaxNameChars {
			p.Add("new_boss_name", "Use at most 100 characters.")
		}
		if msg := CheckLine(in.NewBossName); msg != "" {
			p.Add("new_boss_name", msg)
		}
	}
	if d, ok := ParseDate(in.OccurredOn); !ok || d.Year() < 1970 {
		p.Add("occurred_on", "Enter the date as YYYY-MM-DD.")
	} else if in.OccurredOn > today {
		p.Add("occurred_on", "This date is still in the future. Log what has already happened.")
	}
	if !isOption(Kinds, in.Kind) {
		p.Add("kind", "Choose what kind of interaction it was.")
	}
	switch n := utf8.RuneCountInString(in.Summary); {
	case n == 0:
		p.Add("summary", "Write a one-line summary.")
	case n > MaxSummaryChars:
		p.Add("summary", "Keep the summary to 200 characters; put the rest in the notes.")
	}
	if utf8.RuneCountInString(in.Notes) > MaxNotesChars {
		p.Add("notes", "Notes are limited to 20,000 characters.")
	}
	in.validateBlocks(p)
	in.Practices = SortPractices(in.Practices)
	if len(in.Practices) == 0 {
		p.Add("practice", "Tag at least one practice.")
	}
	for _, k := range in.Practices {
		if _, ok := FindPractice(k); !ok {
			p.Add("practice", "Choose practices from the list.")
		}
	}
	return p
}

// stripControl removes control characters other than newline and tab:
// they have no place in a journal, and search snippets use two of them.
func stripControl(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
}

// SortPractices puts practice keys in the fixed order, once each; unknown
// keys follow, so that validation can still name them.
func SortPractices(keys []string) []string {
	var out []string
	for _, k := range PracticeKeys() {
		if slices.Contains(keys, k) {
			out = append(out, k)
		}
	}
	for _, k := range keys {
		if _, ok := FindPractice(k); !ok && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// EntryFilter selects entries for the list.
type EntryFilter struct {
	Query    string // what the user typed in the search box
	Practice string
	BossID   int64
	From, To string // inclusive local dates, "" for open-ended
	Page     int    // 1-based
	Limit    int    // entries per page; 0 means EntriesPerPage
}

// Validate reports malformed filter values.
func (f *EntryFilter) Validate() error {
	p := Problems{}
	if msg := CheckSearch(f.Query); msg != "" {
		p.Add("q", msg)
	}
	if f.Practice != "" {
		if _, ok := FindPractice(f.Practice); !ok {
			p.Add("practice", "Unknown practice.")
		}
	}
	if _, ok := ParseDate(f.From); f.From != "" && !ok {
		p.Add("from", "Enter the date as YYYY-MM-DD.")
	}
	if _, ok := ParseDate(f.To); f.To != "" && !ok {
		p.Add("to", "Enter the date as YYYY-MM-DD.")
	}
	if f.Page < 1 {
		f.Page = 1
	}
	return p.Err()
}

// Owners of a follow-up.
var Owners = []Option{
	{"me", "Me"},
	{"boss", "My boss"},
}

// FollowUp is a commitment made in an entry, by the user or by the boss.
type FollowUp struct {
	ID        int64
	PublicID  string
	UserID    int64
	EntryID   int64
	Text      string
	Owner     string
	DueOn     string     // "" when there is no due date
	DoneAt    *time.Time // nil while open
	DoneOn    string     // the local date it was marked done, "" while open
	CreatedAt time.Time
	// FirstDueOn is the due date first promised; moving DueOn later leaves
	// it, so being on time is judged against the original promise.
	FirstDueOn string

	// Read along with the follow-up, for display.
	EntryPublicID string
	EntrySummary  string
	BossID        int64
	BossName      string
}

// Overdue reports whether the follow-up is open and past its due date.
func (f *FollowUp) Overdue(today string) bool {
	return f.DoneAt == nil && f.DueOn != "" && f.DueOn < today
}

// KeptOnTime reports whether a done follow-up was done by its due date.
// ok is false when there is nothing to judge (open, or no due date).
func (f *FollowUp) KeptOnTime() (onTime, ok bool) {
	due := f.FirstDueOn
	if due == "" {
		due = f.DueOn
	}
	if f.DoneAt == nil || due == "" {
		return false, false
	}
	return f.DoneOn <= due, true
}

// FollowUpInput is what the follow-up form sends.
type FollowUpInput struct {
	Text  string
	Owner string
	DueOn string
}

// Validate trims the fields and reports every rule they break.
func (in *FollowUpInput) Validate() error {
	in.Text = strings.TrimSpace(in.Text)
	in.DueOn = strings.TrimSpace(in.DueOn)
	p := Problems{}
	switch n := utf8.RuneCountInString(in.Text); {
	case n == 0:
		p.Add("text", "Write what was promised.")
	case n > MaxFollowUpChars:
		p.Add("text", "Use at most 500 characters.")
	}
	if msg := CheckLine(in.Text); msg != "" {
		p.Add("text", msg)
	}
	if !isOption(Owners, in.Owner) {
		p.Add("owner", "Choose who owns it.")
	}
	if d, ok := ParseDate(in.DueOn); in.DueOn != "" && (!ok || d.Year() < 1970) {
		p.Add("due_on", "Enter the date as YYYY-MM-DD, or leave it empty.")
	}
	return p.Err()
}

// PriorityStatuses are the states of a priority.
var PriorityStatuses = []Option{
	{"active", "Active"},
	{"done", "Done"},
	{"dropped", "Dropped"},
}

// Priority is something a boss cares about.
type Priority struct {
	ID              int64
	PublicID        string
	UserID          int64
	BossID          int64
	BossPublicID    string // export and import only
	Text            string
	Status          string
	NotedOn         string // the local date it was noted
	StatusChangedAt time.Time
	CreatedAt       time.Time
}

// ValidatePriorityText trims text and checks its length.
func ValidatePriorityText(text *string) error {
	*text = strings.TrimSpace(*text)
	p := Problems{}
	switch n := utf8.RuneCountInString(*text); {
	case n == 0:
		p.Add("text", "Write what your boss cares about.")
	case n > MaxPriorityChars:
		p.Add("text", "Use at most 300 characters.")
	}
	if msg := CheckLine(*text); msg != "" {
		p.Add("text", msg)
	}
	return p.Err()
}

// ValidatePriorityStatus checks a status value.
func ValidatePriorityStatus(status string) error {
	if !isOption(PriorityStatuses, status) {
		return &Error{Code: EINVALID, Message: "Choose active, done or dropped.", Fields: map[string]string{"status": "Choose active, done or dropped."}}
	}
	return nil
}
