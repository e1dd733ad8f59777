package journal

import (
	"strings"
	"unicode/utf8"
)

// Bet limits.
const (
	MaxBetChars        = 300
	MaxDownsideChars   = 300
	MaxMitigationChars = 300
	MaxLessonChars     = 1000
)

// Outcomes of a bet, recorded at its review.
var Outcomes = []Option{
	{Value: "better", Label: "Better than expected"},
	{Value: "as_expected", Label: "As expected"},
	{Value: "worse", Label: "Worse than expected"},
	{Value: "called_off", Label: "Called off"},
}

// Bet is a calculated risk taken in an entry: what the user expects to
// happen, what it costs if they are wrong, how they limit that, and when
// they will look back.
type Bet struct {
	Bet        string
	Downside   string
	Mitigation string
	ReviewOn   string
	Outcome    string // "" until reviewed
	Lesson     string
	ReviewedOn string

	BlockEntry // read along, for lists
}

// Due reports whether the bet waits for its outcome on date today.
func (b *Bet) Due(today string) bool {
	return b.Outcome == "" && b.ReviewOn <= today
}

// BetInput is the bet block of the entry form.
type BetInput struct {
	Bet        string
	Downside   string
	Mitigation string
	ReviewOn   string
}

// Empty reports whether nothing at all was typed in the block.
func (in *BetInput) Empty() bool {
	return strings.TrimSpace(in.Bet+in.Downside+in.Mitigation+in.ReviewOn) == ""
}

// Validate trims the block and reports every rule it breaks; the review
// date must come after entryDate, the day the bet was placed.
func (in *BetInput) Validate(entryDate string) error {
	in.Bet = strings.TrimSpace(stripControl(in.Bet))
	in.Downside = strings.TrimSpace(stripControl(in.Downside))
	in.Mitigation = strings.TrimSpace(stripControl(in.Mitigation))
	in.ReviewOn = strings.TrimSpace(in.ReviewOn)
	p := Problems{}
	p.checkText("bet", in.Bet, MaxBetChars, "Write what you expect to happen, or clear the other bet fields.", "Keep the bet to 300 characters.")
	if utf8.RuneCountInString(in.Downside) > MaxDownsideChars {
		p.Add("downside", "Keep the downside to 300 characters.")
	}
	if utf8.RuneCountInString(in.Mitigation) > MaxMitigationChars {
		p.Add("mitigation", "Keep the mitigation to 300 characters.")
	}
	switch d, ok := ParseDate(in.ReviewOn); {
	case in.ReviewOn == "":
		p.Add("review_on", "Choose the day you will look back at this bet.")
	case !ok || d.Year() < 1970:
		p.Add("review_on", "Enter the date as YYYY-MM-DD.")
	case in.ReviewOn <= entryDate:
		p.Add("review_on", "Choose a review date after the day of the entry.")
	}
	return p.Err()
}

// Fields are pointers to the block's values in column order.
func (in *BetInput) Fields() []any { return []any{&in.Bet, &in.Downside, &in.Mitigation, &in.ReviewOn} }

// BetBlock describes the bet block: a calculated risk with its downside,
// mitigation and review date, closed by its outcome.
var BetBlock = newBlockKind(BlockKind{
	Key: "bet", Table: "bets", Practice: "risk", NotFound: "That entry placed no bet.",
	Written:  []BlockField{{Column: "bet"}, {Column: "downside"}, {Column: "mitigation"}, {Column: "review_on"}},
	Recorded: []BlockField{{Column: "outcome", Nullable: true}, {Column: "lesson"}, {Column: "reviewed_on", Nullable: true}},
	Closing:  "outcome", Saved: "Outcome saved.",
	Stale: "review_on <= ?1 OR reviewed_on < ?1", Moved: msgBlockMoved,
}, func(e *Entry) **Bet { return &e.Bet },
	func(b *Bet) ([]any, *BlockEntry) {
		return []any{&b.Bet, &b.Downside, &b.Mitigation, &b.ReviewOn, &b.Outcome, &b.Lesson, &b.ReviewedOn}, &b.BlockEntry
	},
	func(in *EntryInput) **BetInput { return &in.Bet },
	func() BlockCloser { return &OutcomeInput{} },
	func(e *Entry, today string) map[string]string {
		v := map[string]string{"outcome": "as_expected", "reviewed_on": today}
		if b := e.Bet; b != nil && b.Outcome != "" {
			v["outcome"], v["lesson"] = b.Outcome, b.Lesson
		}
		return v
	})

// OutcomeInput is what the outcome form sends.
type OutcomeInput struct {
	Outcome    string
	Lesson     string
	ReviewedOn string
}

// Fields are pointers to the outcome's values in column order.
func (in *OutcomeInput) Fields() []any { return []any{&in.Outcome, &in.Lesson, &in.ReviewedOn} }

// Validate checks the outcome of a bet placed on entryDate; today is the
// user's date, and a review cannot be dated later.
func (in *OutcomeInput) Validate(entryDate, today string) error {
	in.ReviewedOn = strings.TrimSpace(in.ReviewedOn)
	in.Lesson = strings.TrimSpace(cleanLines(in.Lesson))
	p := Problems{}
	if !isOption(Outcomes, in.Outcome) {
		p.Add("outcome", "Choose how the bet turned out.")
	}
	if utf8.RuneCountInString(in.Lesson) > MaxLessonChars {
		p.Add("lesson", "Keep the lesson to 1,000 characters.")
	}
	checkLaterDate(p, "reviewed_on", in.ReviewedOn, entryDate, today, "The review cannot come before the entry that placed the bet.")
	return p.Err()
}

// BetStats are a week's bets: placed in its entries, due by its end (or by
// today, for the current week) and still waiting, and reviewed during it.
type BetStats struct {
	Placed, Due, Reviewed                int
	Better, AsExpected, Worse, CalledOff int
}

// AddOutcome counts n bets reviewed with outcome; anything else is no
// review and counts nowhere.
func (s *BetStats) AddOutcome(outcome string, n int) {
	switch outcome {
	case "better":
		s.Better += n
	case "as_expected":
		s.AsExpected += n
	case "worse":
		s.Worse += n
	case "called_off":
		s.CalledOff += n
	default:
		return
	}
	s.Reviewed += n
}

// Calibration is, over a window, how the bets that played out came out.
// A bet called off never played out, so it counts in neither number.
type Calibration struct {
	Reviewed           int // better, as expected or worse
	AsExpectedOrBetter int
}

// AddOutcome counts one reviewed bet.
func (c *Calibration) AddOutcome(outcome string, n int) {
	switch outcome {
	case "better", "as_expected":
		c.Reviewed += n
		c.AsExpectedOrBetter += n
	case "worse":
		c.Reviewed += n
	}
}

// DueDate is the last review date a week's "due" count includes: the
// week's end, or today while the week is still running.
func DueDate(w Week, today string) string {
	return min(w.End, today)
}
