package journal

import (
	"strings"
	"unicode/utf8"
)

// Problem limits.
const (
	MaxProblemChars        = 500
	MaxOptionChars         = 300
	MaxOptions             = 5
	MaxRecommendationChars = 500
	MaxDecisionNoteChars   = 1000
)

// MsgBringOptions is the answer to a problem raised without a way out.
const MsgBringOptions = "Bring at least one option and say which you recommend."

// Decisions on a problem. "open" means nobody has decided yet.
var Decisions = []Option{
	{Value: "open", Label: "Still open"},
	{Value: "taken", Label: "Recommendation taken"},
	{Value: "changed", Label: "Another option or a variant"},
	{Value: "declined", Label: "Declined"},
}

// Problem is a problem raised in an entry together with the options the
// user brought and the one they recommend, and what became of it.
type Problem struct {
	Problem        string
	Options        []string
	Recommendation string
	Decision       string // a key of Decisions
	DecidedOn      string // "" until a decision is recorded
	DecisionNote   string

	BlockEntry // read along, for lists
}

// Open reports whether the problem still waits for a decision.
func (p *Problem) Open() bool { return p.Decision == "open" }

// ProblemInput is the problem block of the entry form.
type ProblemInput struct {
	Problem        string
	Options        []string
	Recommendation string
}

// Empty reports whether nothing at all was typed in the block.
func (in *ProblemInput) Empty() bool {
	return strings.TrimSpace(in.Problem) == "" && strings.TrimSpace(in.Recommendation) == "" &&
		strings.TrimSpace(strings.Join(in.Options, "")) == ""
}

// Validate trims the block, drops empty option boxes and reports every rule
// the rest breaks; no rule of a problem depends on the entry's date.
func (in *ProblemInput) Validate(string) error {
	in.Problem = strings.TrimSpace(stripControl(in.Problem))
	in.Recommendation = strings.TrimSpace(stripControl(in.Recommendation))
	var opts []string
	for _, o := range in.Options {
		if o = strings.TrimSpace(stripControl(o)); o != "" {
			opts = append(opts, o)
		}
	}
	in.Options = opts
	p := Problems{}
	p.checkText("problem", in.Problem, MaxProblemChars, "Say what the problem is, or clear the other problem fields.", "Keep the problem to 500 characters.")
	if in.Problem != "" && (len(opts) == 0 || in.Recommendation == "") {
		p.Add("options", MsgBringOptions)
	}
	if len(opts) > MaxOptions {
		p.Add("options", "Bring at most five options.")
	}
	for _, o := range opts {
		if utf8.RuneCountInString(o) > MaxOptionChars {
			p.Add("options", "Keep each option to 300 characters.")
		}
	}
	if utf8.RuneCountInString(in.Recommendation) > MaxRecommendationChars {
		p.Add("recommendation", "Keep the recommendation to 500 characters.")
	}
	return p.Err()
}

// Fields are pointers to the block's values in column order.
func (in *ProblemInput) Fields() []any { return []any{&in.Problem, &in.Options, &in.Recommendation} }

// ProblemBlock describes the problem block: a problem raised with the
// options the user brought and the one they recommend, closed by a
// decision.
var ProblemBlock = newBlockKind(BlockKind{
	Key: "problem", Table: "problems", Practice: "solutions", NotFound: "That entry raised no problem.",
	Written:  []BlockField{{Column: "problem"}, {Column: "options", Form: "option"}, {Column: "recommendation"}},
	Recorded: []BlockField{{Column: "decision"}, {Column: "decided_on", Nullable: true}, {Column: "decision_note", Form: "note"}},
	Closing:  "decision", Saved: "Decision saved.",
	Stale: "decided_on < ?1", Moved: msgBlockMoved,
}, func(e *Entry) **Problem { return &e.Problem },
	func(p *Problem) ([]any, *BlockEntry) {
		return []any{&p.Problem, &p.Options, &p.Recommendation, &p.Decision, &p.DecidedOn, &p.DecisionNote}, &p.BlockEntry
	},
	func(in *EntryInput) **ProblemInput { return &in.Problem },
	func() BlockCloser { return &DecisionInput{} },
	func(e *Entry, today string) map[string]string {
		v := map[string]string{"decision": "taken", "decided_on": today}
		if p := e.Problem; p != nil && p.DecidedOn != "" {
			v["decision"], v["note"] = p.Decision, p.DecisionNote
		}
		return v
	})

// msgBlockMoved refuses to move an entry past its problem's or bet's
// later dates.
const msgBlockMoved = "This entry's problem or bet has a decision, review date or outcome dated on or before this day. Change those first."

// DecisionInput is what the decision form sends.
type DecisionInput struct {
	Decision  string
	DecidedOn string
	Note      string
}

// Fields are pointers to the decision's values in column order.
func (in *DecisionInput) Fields() []any { return []any{&in.Decision, &in.DecidedOn, &in.Note} }

// Validate checks a decision on a problem raised on entryDate; today is
// the user's date, and a decision cannot be dated later.
func (in *DecisionInput) Validate(entryDate, today string) error {
	in.DecidedOn = strings.TrimSpace(in.DecidedOn)
	in.Note = strings.TrimSpace(stripControl(in.Note))
	p := Problems{}
	if !isOption(Decisions, in.Decision) {
		p.Add("decision", "Choose what became of the problem.")
	}
	checkLaterDate(p, "decided_on", in.DecidedOn, entryDate, today, "The decision cannot come before the entry that raised the problem.")
	if utf8.RuneCountInString(in.Note) > MaxDecisionNoteChars {
		p.Add("decision_note", "Keep the note to 1,000 characters.")
	}
	return p.Err()
}

// checkLaterDate requires a date between from and today, both included.
func checkLaterDate(p Problems, field, date, from, today, early string) {
	d, ok := ParseDate(date)
	switch {
	case !ok || d.Year() < 1970:
		p.Add(field, "Enter the date as YYYY-MM-DD.")
	case date < from:
		p.Add(field, early)
	case date > today:
		p.Add(field, "This date is still in the future.")
	}
}

// ProblemStats are a week's problems: raised in its entries, still open
// among those raised by its end, and decided during it.
type ProblemStats struct {
	Raised, Open, Taken, Changed, Declined int
}

// AddDecision counts n problems decided with decision; "open" is no
// decision and counts nowhere.
func (s *ProblemStats) AddDecision(decision string, n int) {
	switch decision {
	case "taken":
		s.Taken += n
	case "changed":
		s.Changed += n
	case "declined":
		s.Declined += n
	}
}

// SolutionsRate is, over a window, how many problems were raised and how
// many of them ended with the recommendation taken.
type SolutionsRate struct {
	Raised, Taken int
}

// RateWindowMonths is how far back the calibration and solutions lines look.
const RateWindowMonths = 12

// RateWindowStart returns the first day of the window that ends on end.
func RateWindowStart(end string) string {
	t, ok := ParseDate(end)
	if !ok {
		return end
	}
	return t.AddDate(0, -RateWindowMonths, 1).Format(DateLayout)
}

// Undecided keeps the entries still worth raising: those whose problem
// waits for a decision, and those that wrote down no problem block.
func Undecided(entries []*Entry) []*Entry {
	var out []*Entry
	for _, e := range entries {
		if e.Problem == nil || e.Problem.Open() {
			out = append(out, e)
		}
	}
	return out
}
