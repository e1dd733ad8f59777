package journal

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Entry limits.
const (
	MaxSummaryChars = 200
	MaxNotesChars   = 20000
	EntriesPerPage  = 50
)

// Kinds of interaction, in display order.
var Kinds = []Option{
	{Value: "one_on_one", Label: "1:1"},
	{Value: "meeting", Label: "Meeting"},
	{Value: "email", Label: "Email"},
	{Value: "chat", Label: "Chat"},
	{Value: "other", Label: "Other"},
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

// Blocks are every kind of entry block, in the order an entry shows them;
// each has its slot in Entry and in EntryInput.
var Blocks = []BlockKind{ProblemBlock, BetBlock, ForecastBlock}

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
		p.Add("boss", "Choose who this was with, or type a new name.")
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
	in.Notes = cleanLines(in.Notes)
	p := Problems{}
	if in.NewBossName != "" {
		if utf8.RuneCountInString(in.NewBossName) > MaxNameChars {
			p.Add("new_boss_name", "Use at most 100 characters.")
		}
		p.Check("new_boss_name", CheckLine(in.NewBossName))
	}
	if d, ok := ParseDate(in.OccurredOn); !ok || d.Year() < 1970 {
		p.Add("occurred_on", "Enter the date as YYYY-MM-DD.")
	} else if in.OccurredOn > today {
		p.Add("occurred_on", "This date is still in the future. Log what has already happened.")
	}
	if !isOption(Kinds, in.Kind) {
		p.Add("kind", "Choose what kind of interaction it was.")
	}
	p.checkText("summary", in.Summary, MaxSummaryChars, "Write a one-line summary.", "Keep the summary to 200 characters; put the rest in the notes.")
	if utf8.RuneCountInString(in.Notes) > MaxNotesChars {
		p.Add("notes", "Notes are limited to 20,000 characters.")
	}
	in.validateBlocks(p)
	in.Practices = SortPractices(in.Practices)
	if len(in.Practices) == 0 {
		p.Add("practices", "Tag at least one practice.")
	}
	for _, k := range in.Practices {
		if _, ok := FindPractice(k); !ok {
			p.Add("practices", "Choose practices from the list.")
		}
	}
	return p
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
