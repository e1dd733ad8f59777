package journal

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// MaxFollowUpChars bounds a follow-up's text.
const MaxFollowUpChars = 500

// Owners of a follow-up.
var Owners = []Option{
	{Value: "me", Label: "Me"},
	{Value: "boss", Label: "My boss"},
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
	// State and OverdueAfter are the store's judgement (migration 00016
	// defines it): State is on time, late, unjudged, withdrawn or open;
	// OverdueAfter is the due date while open, "" once done or undated.
	State        PromiseState
	OverdueAfter string

	// Read along with the follow-up, for display.
	EntryPublicID string
	EntrySummary  string
	BossID        int64
	BossName      string
}

// Overdue reports whether the follow-up is overdue on today, the date in
// the user's zone: open and past its due date, as the store's overdue_after
// column says.
func (f *FollowUp) Overdue(today string) bool {
	return f.OverdueAfter != "" && f.OverdueAfter < today
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
	p.checkText("text", in.Text, MaxFollowUpChars, "Write what was promised.", "Use at most 500 characters.")
	p.Check("text", CheckLine(in.Text))
	if !isOption(Owners, in.Owner) {
		p.Add("owner", "Choose who owns it.")
	}
	if d, ok := ParseDate(in.DueOn); in.DueOn != "" && (!ok || d.Year() < 1970) {
		p.Add("due_on", "Enter the date as YYYY-MM-DD, or leave it empty.")
	}
	return p.Err()
}

// FollowUpState is what marking a follow-up done or open again sets.
type FollowUpState struct {
	Done bool
	At   time.Time // when it was marked done; ignored when reopening
	On   string    // the user's local date of At: on-time judgements use it
}

// DoneAt is the state of a follow-up marked done at `at`, a moment that
// falls on the local date `on`.
func DoneAt(at time.Time, on string) FollowUpState { return FollowUpState{Done: true, At: at, On: on} }

// Reopened is the state of a follow-up marked open again.
func Reopened() FollowUpState { return FollowUpState{} }

// ByDue returns the follow-ups in the order an entry's page lists them:
// open before done, then soonest due first with undated ones last, then
// oldest first. fus itself keeps its order.
func ByDue(fus []*FollowUp) []*FollowUp {
	out := slices.Clone(fus)
	slices.SortStableFunc(out, func(a, b *FollowUp) int {
		return cmp.Or(
			cmp.Compare(boolRank(a.DoneAt != nil), boolRank(b.DoneAt != nil)),
			cmp.Compare(boolRank(a.DueOn == ""), boolRank(b.DueOn == "")),
			cmp.Compare(a.DueOn, b.DueOn),
			cmp.Compare(a.ID, b.ID))
	})
	return out
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
