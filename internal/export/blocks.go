package export

import (
	"fmt"
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// Problem is an entry's problem in the export: an optional member of
// version 1, absent when the entry raised none.
type Problem struct {
	Problem        string   `json:"problem"`
	Options        []string `json:"options"`
	Recommendation string   `json:"recommendation"`
	Decision       string   `json:"decision"`
	DecidedOn      *string  `json:"decided_on"`
	DecisionNote   string   `json:"decision_note"`
}

// Bet is an entry's bet in the export: an optional member of version 1,
// absent when the entry placed none.
type Bet struct {
	Bet        string  `json:"bet"`
	Downside   string  `json:"downside"`
	Mitigation string  `json:"mitigation"`
	ReviewOn   string  `json:"review_on"`
	Outcome    *string `json:"outcome"`
	Lesson     string  `json:"lesson"`
	ReviewedOn *string `json:"reviewed_on"`
}

// blockCodec is how the export writes and reads one kind of entry block
// (journal.Blocks): as a member of the JSON entry, as a CSV cell, as
// Markdown, and back from the JSON with the forms' rules.
type blockCodec struct {
	put      func(out *Entry, e *journal.Entry)                                         // into the JSON entry
	check    func(v *validator, path string, e Entry, today string, out *journal.Entry) // from it
	text     func(e *journal.Entry) string                                              // the CSV cell
	markdown func(l *i18n.Localizer, e *journal.Entry) string                           // under the entry, user text escaped, in l's language
}

var problemCodec = blockCodec{
	put: func(out *Entry, e *journal.Entry) {
		if ep := e.Problem; ep != nil {
			out.Problem = &Problem{Problem: ep.Problem, Options: ep.Options, Recommendation: ep.Recommendation, Decision: ep.Decision,
				DecidedOn: optional(ep.DecidedOn), DecisionNote: ep.DecisionNote}
		}
	},
	check:    (*validator).problem,
	text:     func(e *journal.Entry) string { return problemText(e.Problem) },
	markdown: markdownProblem,
}

var betCodec = blockCodec{
	put: func(out *Entry, e *journal.Entry) {
		if eb := e.Bet; eb != nil {
			out.Bet = &Bet{Bet: eb.Bet, Downside: eb.Downside, Mitigation: eb.Mitigation, ReviewOn: eb.ReviewOn,
				Outcome: optional(eb.Outcome), Lesson: eb.Lesson, ReviewedOn: optional(eb.ReviewedOn)}
		}
	},
	check:    (*validator).bet,
	text:     func(e *journal.Entry) string { return betText(e.Bet) },
	markdown: markdownBet,
}

// problem checks an entry's problem with the forms' rules.
func (v *validator) problem(path string, e Entry, today string, out *journal.Entry) {
	if p := e.Problem; p != nil {
		in := journal.ProblemInput{Problem: p.Problem, Options: p.Options, Recommendation: p.Recommendation}
		v.fields(path+".problem", in.Validate(e.OccurredOn))
		if len(in.Options) != len(p.Options) {
			v.add(path+".problem", "options", "an option is empty.")
		}
		d := journal.DecisionInput{Decision: p.Decision, DecidedOn: deref(p.DecidedOn), Note: p.DecisionNote}
		if p.Decision != "open" || p.DecidedOn != nil {
			v.fields(path+".problem", d.Validate(e.OccurredOn, today))
		}
		out.Problem = &journal.Problem{Problem: in.Problem, Options: in.Options, Recommendation: in.Recommendation,
			Decision: d.Decision, DecidedOn: d.DecidedOn, DecisionNote: d.Note}
	}
}

// bet checks an entry's bet with the forms' rules.
func (v *validator) bet(path string, e Entry, today string, out *journal.Entry) {
	if b := e.Bet; b != nil {
		in := journal.BetInput{Bet: b.Bet, Downside: b.Downside, Mitigation: b.Mitigation, ReviewOn: b.ReviewOn}
		v.fields(path+".bet", in.Validate(e.OccurredOn))
		o := journal.OutcomeInput{Outcome: deref(b.Outcome), Lesson: b.Lesson, ReviewedOn: deref(b.ReviewedOn)}
		if (b.Outcome == nil) != (b.ReviewedOn == nil) {
			v.add(path+".bet", "outcome", "outcome and reviewed_on go together: both set, or both null.")
		} else if b.Outcome != nil {
			v.fields(path+".bet", o.Validate(e.OccurredOn, today))
		}
		out.Bet = &journal.Bet{Bet: in.Bet, Downside: in.Downside, Mitigation: in.Mitigation, ReviewOn: in.ReviewOn,
			Outcome: o.Outcome, Lesson: o.Lesson, ReviewedOn: o.ReviewedOn}
	}
}

// problemText and betText are the blocks as text for the CSV export.
func problemText(p *journal.Problem) string {
	if p == nil {
		return ""
	}
	lines := []string{"Problem: " + p.Problem}
	for i, o := range p.Options {
		lines = append(lines, fmt.Sprintf("Option %d: %s", i+1, o))
	}
	lines = append(lines, "Recommendation: "+p.Recommendation, "Decision: "+decisionText(p))
	return strings.Join(lines, "\n")
}

func decisionText(p *journal.Problem) string {
	return decisionWith(p, journal.OptionLabel(journal.Decisions, p.Decision), plainLabelText)
}

// decisionWith is what became of a problem: label names its decision,
// then come the day and the note, joined to it by labelText.
func decisionWith(p *journal.Problem, label string, labelText func(label, text string) string) string {
	s := label
	if p.DecidedOn != "" {
		s += " (" + p.DecidedOn + ")"
	}
	if p.DecisionNote != "" {
		s = labelText(s, p.DecisionNote)
	}
	return s
}

// plainLabelText writes "Label: text", as the CSV does.
func plainLabelText(label, text string) string { return label + ": " + text }

func betText(b *journal.Bet) string {
	if b == nil {
		return ""
	}
	lines := []string{"Bet: " + b.Bet}
	if b.Downside != "" {
		lines = append(lines, "Downside: "+b.Downside)
	}
	if b.Mitigation != "" {
		lines = append(lines, "Mitigation: "+b.Mitigation)
	}
	lines = append(lines, "Review on: "+b.ReviewOn)
	if b.Outcome != "" {
		lines = append(lines, "Outcome: "+journal.OptionLabel(journal.Outcomes, b.Outcome)+" ("+b.ReviewedOn+")")
	}
	if b.Lesson != "" {
		lines = append(lines, "Lesson: "+b.Lesson)
	}
	return strings.Join(lines, "\n")
}

// markdownProblem and markdownBet write an entry's problem and bet under
// it, with user text escaped.
func markdownProblem(l *i18n.Localizer, e *journal.Entry) string {
	var b strings.Builder
	if p := e.Problem; p != nil {
		b.WriteString("\n" + mdField(l, "problem", markdown.Text(p.Problem)) + "\n\n")
		for i, o := range p.Options {
			fmt.Fprintf(&b, "%d. %s\n", i+1, markdown.Text(o))
		}
		// The whole decision is escaped as one text, as before; its note's
		// colon is the language's, with a plain space, which Text keeps.
		decision := decisionWith(p, mdOption(l, "block.decision_", journal.Decisions, p.Decision), func(label, text string) string {
			return l.T("report.export.decision_note", map[string]string{"Decision": label, "Note": text})
		})
		b.WriteString("\n" + mdField(l, "recommendation", markdown.Text(p.Recommendation)) + "\n\n" + mdField(l, "decision", markdown.Text(decision)) + "\n")
	}
	return b.String()
}

func markdownBet(l *i18n.Localizer, e *journal.Entry) string {
	var b strings.Builder
	if t := e.Bet; t != nil {
		b.WriteString("\n" + mdField(l, "bet", markdown.Text(t.Bet)) + "\n")
		for _, kv := range [][2]string{{"downside", t.Downside}, {"mitigation", t.Mitigation}, {"review_on", t.ReviewOn}} {
			if kv[1] != "" {
				b.WriteString("\n" + mdField(l, kv[0], markdown.Text(kv[1])) + "\n")
			}
		}
		if t.Outcome != "" {
			b.WriteString("\n" + mdField(l, "outcome", mdOption(l, "block.outcome_", journal.Outcomes, t.Outcome)+" ("+t.ReviewedOn+")") + "\n")
		}
		if t.Lesson != "" {
			b.WriteString("\n" + mdField(l, "lesson", markdown.Text(t.Lesson)) + "\n")
		}
	}
	return b.String()
}
