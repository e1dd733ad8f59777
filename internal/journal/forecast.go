package journal

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Forecast limits.
const (
	MaxForecastChars = 300
	MaxImpactChars   = 300
	MaxPreparedChars = 500
)

// Likelihoods of a forecast.
var Likelihoods = []Option{
	{Value: "low", Label: "Low"},
	{Value: "medium", Label: "Medium"},
	{Value: "high", Label: "High"},
}

// ForecastResults are what became of a forecast once it was due.
var ForecastResults = []Option{
	{Value: "happened", Label: "It happened"},
	{Value: "averted", Label: "Averted"},
	{Value: "did_not_happen", Label: "It did not happen"},
}

// Forecast is a problem the user saw coming and told the boss about before
// it landed: what may go wrong, by when, how likely, what it would cost and
// what they prepared; later, what became of it.
type Forecast struct {
	Forecast   string
	ExpectedBy string
	Likelihood string // a key of Likelihoods
	Impact     string
	Prepared   string
	NoticedOn  string
	Result     string // "" until resolved, else a key of ForecastResults
	ResolvedOn string // "" until resolved

	BlockEntry // read along, for lists
}

// Due reports whether the forecast waits to be closed on date today: its
// expected date has come and nothing is recorded yet.
func (f *Forecast) Due(today string) bool {
	return f.Result == "" && f.ExpectedBy <= today
}

// Dates are the dates of the forecast that the no-surprises numbers use.
func (f *Forecast) Dates() ForecastDates {
	return ForecastDates{NoticedOn: f.NoticedOn, RaisedOn: f.OccurredOn, ExpectedBy: f.ExpectedBy, Result: f.Result, ResolvedOn: f.ResolvedOn}
}

// ForecastInput is the forecast block of the entry form.
type ForecastInput struct {
	Forecast   string
	ExpectedBy string
	Likelihood string
	Impact     string
	Prepared   string
	NoticedOn  string
}

// Empty reports whether nothing was typed in the block. The likelihood is
// a select that always sends a value, so it does not count.
func (in *ForecastInput) Empty() bool {
	return strings.TrimSpace(in.Forecast+in.ExpectedBy+in.Impact+in.Prepared+in.NoticedOn) == ""
}

// Validate trims the block, dates an unset noticed_on on entryDate, the
// day the forecast was raised, and reports every rule the block breaks.
func (in *ForecastInput) Validate(entryDate string) error {
	in.Forecast = strings.TrimSpace(stripControl(in.Forecast))
	in.Impact = strings.TrimSpace(stripControl(in.Impact))
	in.Prepared = strings.TrimSpace(cleanLines(in.Prepared))
	in.ExpectedBy = strings.TrimSpace(in.ExpectedBy)
	in.NoticedOn = strings.TrimSpace(in.NoticedOn)
	if in.NoticedOn == "" {
		in.NoticedOn = entryDate
	}
	p := Problems{}
	p.checkText("forecast", in.Forecast, MaxForecastChars, "Say what may go wrong, or clear the other forecast fields.", "Keep the forecast to 300 characters.")
	switch d, ok := ParseDate(in.ExpectedBy); {
	case in.ExpectedBy == "":
		p.Add("expected_by", "Choose the day it would land.")
	case !ok || d.Year() < 1970:
		p.Add("expected_by", "Enter the date as YYYY-MM-DD.")
	case in.ExpectedBy < entryDate:
		p.Add("expected_by", "A forecast lands on or after the day of the entry.")
	}
	if !isOption(Likelihoods, in.Likelihood) {
		p.Add("likelihood", "Choose how likely it is: low, medium or high.")
	}
	if utf8.RuneCountInString(in.Impact) > MaxImpactChars {
		p.Add("impact", "Keep the impact to 300 characters.")
	}
	p.checkText("prepared", in.Prepared, MaxPreparedChars, "Say what you have prepared, or what you ask for.", "Keep what you prepared to 500 characters.")
	switch d, ok := ParseDate(in.NoticedOn); {
	case !ok || d.Year() < 1970:
		p.Add("noticed_on", "Enter the date as YYYY-MM-DD.")
	case in.NoticedOn > entryDate:
		p.Add("noticed_on", "You noticed it on or before the day of the entry.")
	}
	return p.Err()
}

// Fields are pointers to the block's values in column order.
func (in *ForecastInput) Fields() []any {
	return []any{&in.Forecast, &in.ExpectedBy, &in.Likelihood, &in.Impact, &in.Prepared, &in.NoticedOn}
}

// ForecastBlock describes the forecast block: a problem seen coming, by
// when, how likely, at what cost and what is prepared, closed by what
// became of it.
var ForecastBlock = newBlockKind(BlockKind{
	Key: "forecast", Table: "forecasts", Practice: "solutions", NotFound: "That entry raised no forecast.",
	Written: []BlockField{{Column: "forecast"}, {Column: "expected_by"}, {Column: "likelihood"}, {Column: "impact"},
		{Column: "prepared"}, {Column: "noticed_on"}},
	Recorded: []BlockField{{Column: "result", Nullable: true}, {Column: "resolved_on", Nullable: true}},
	Closing:  "forecast", Saved: "Forecast closed.",
	Stale: "expected_by < ?1 OR noticed_on > ?1 OR resolved_on < ?1",
	Moved: "This entry's forecast was noticed after, expected before or closed before this day. Change those first.",
}, func(e *Entry) **Forecast { return &e.Forecast },
	func(f *Forecast) ([]any, *BlockEntry) {
		return []any{&f.Forecast, &f.ExpectedBy, &f.Likelihood, &f.Impact, &f.Prepared, &f.NoticedOn, &f.Result, &f.ResolvedOn}, &f.BlockEntry
	},
	func(in *EntryInput) **ForecastInput { return &in.Forecast },
	func() BlockCloser { return &ResolutionInput{} },
	func(e *Entry, today string) map[string]string {
		v := map[string]string{"result": "happened", "resolved_on": today}
		if f := e.Forecast; f != nil && f.Result != "" {
			v["result"], v["resolved_on"] = f.Result, f.ResolvedOn
		}
		return v
	})

// ResolutionInput is what the form that closes a forecast sends.
type ResolutionInput struct {
	Result     string
	ResolvedOn string
}

// Fields are pointers to the resolution's values in column order.
func (in *ResolutionInput) Fields() []any { return []any{&in.Result, &in.ResolvedOn} }

// Validate checks the resolution of a forecast raised on entryDate; today
// is the user's date, and a resolution cannot be dated later.
func (in *ResolutionInput) Validate(entryDate, today string) error {
	in.ResolvedOn = strings.TrimSpace(in.ResolvedOn)
	p := Problems{}
	if !isOption(ForecastResults, in.Result) {
		p.Add("result", "Choose what became of the forecast.")
	}
	checkLaterDate(p, "resolved_on", in.ResolvedOn, entryDate, today, "A forecast cannot be closed before the entry that raised it.")
	return p.Err()
}

// ForecastStats are a week's forecasts: raised in its entries, due by its
// end (or today, for the current week) and still open, and resolved during
// it; with the no-surprises numbers of those raised in it.
type ForecastStats struct {
	Raised, Due, Resolved           int
	Happened, Averted, DidNotHappen int
	NoSurprises                     NoSurprises
}

// AddResult counts n forecasts resolved with result.
func (s *ForecastStats) AddResult(result string, n int) {
	switch result {
	case "happened":
		s.Happened += n
	case "averted":
		s.Averted += n
	case "did_not_happen":
		s.DidNotHappen += n
	default:
		return
	}
	s.Resolved += n
}

// ForecastDates are one forecast's dates: when the user noticed it, when
// they raised it (the entry's date), when it was expected and, once
// resolved, how and when.
type ForecastDates struct {
	NoticedOn, RaisedOn, ExpectedBy, Result, ResolvedOn string
}

// LandedOn is when the problem landed, or would have: the day it was
// resolved for one that happened, the expected day otherwise.
func (d ForecastDates) LandedOn() string {
	if d.Result == "happened" {
		return d.ResolvedOn
	}
	return d.ExpectedBy
}

// WarningDays is the warning the boss got: days from the entry to the day
// the problem landed.
func (d ForecastDates) WarningDays() int { return daysBetween(d.RaisedOn, d.LandedOn()) }

// RaiseDays is how long the user sat on it: days from noticing to raising.
func (d ForecastDates) RaiseDays() int { return daysBetween(d.NoticedOn, d.RaisedOn) }

// NoSurprises are the two numbers that say whether the boss was warned in
// time: the median warning given and the median time to raise, over
// Forecasts forecasts. Both are meaningless when Forecasts is 0.
type NoSurprises struct {
	Forecasts   int
	WarningDays float64
	RaiseDays   float64
}

// Measure is how the two numbers are introduced: "a median of " over two
// forecasts or more, nothing over one, whose days are simply its own.
func (n NoSurprises) Measure() string {
	if n.Forecasts == 1 {
		return ""
	}
	return "a median of "
}

// NoSurprisesOf measures a set of forecasts.
func NoSurprisesOf(forecasts []ForecastDates) NoSurprises {
	warning := make([]int, len(forecasts))
	raise := make([]int, len(forecasts))
	for i, d := range forecasts {
		warning[i], raise[i] = d.WarningDays(), d.RaiseDays()
	}
	return NoSurprises{Forecasts: len(forecasts), WarningDays: median(warning), RaiseDays: median(raise)}
}

// median is the middle value, or the mean of the two middle values when
// there are an even number; 0 for none.
func median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// daysBetween counts the days from one date to another, negative when to
// comes first; 0 when either is not a date.
func daysBetween(from, to string) int {
	f, ok1 := ParseDate(from)
	t, ok2 := ParseDate(to)
	if !ok1 || !ok2 {
		return 0
	}
	return int(t.Sub(f).Hours() / 24)
}
