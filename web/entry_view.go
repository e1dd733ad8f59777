package web

import (
	"context"
	"slices"
	"strings"

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
// or a block (whose own errors are in it too).
func (f EntryForm) moreOpen() bool {
	for _, n := range moreFields {
		if f.Err(n) != "" {
			return true
		}
	}
	return f.Get("notes") != "" || f.Get("followup_text") != "" || (len(f.Bosses) > 0 && f.Get("new_boss_name") != "") ||
		blockTyped(f.Form)
}

// PriorityOption is an active priority offered in the entry form.
type PriorityOption struct {
	ID       int64
	BossName string
	Text     string
}

func (f EntryForm) checked(key string) bool { return slices.Contains(f.Practices, key) }

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

// NewEntryAction is where the form for a new entry posts.
const NewEntryAction = "/entries"

// entryFormTitled is p titled for f, in the reader's language: a new
// entry, or the one f edits.
func entryFormTitled(ctx context.Context, p Page, f EntryForm) Page {
	if f.Action == NewEntryAction {
		return titled(ctx, p, "entry.new")
	}
	return titled(ctx, p, "title.edit_entry")
}
