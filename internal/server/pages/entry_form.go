package pages

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// entryPost is the entry form as typed: it reads the request (parseEntryPost),
// becomes the domain's input (input), and fills the form again, exactly as
// typed, when the save is refused (values). The blocks are read and shown
// from their description (journal.Blocks), so a block adds no field here.
type entryPost struct {
	Boss, Priority string // the chosen ids, as sent
	// Entry holds the rest as typed (its ids unset): its blocks are nil
	// when the form did not carry them, which leaves stored ones alone.
	Entry    journal.EntryInput
	FollowUp journal.FollowUpInput // the capture form's optional follow-up
	Token    string                // the create form's one-use token
}

// parseEntryPost reads the entry form of a parsed request.
func parseEntryPost(r *http.Request) entryPost {
	p := entryPost{
		Boss: r.PostFormValue("boss_id"), Priority: r.PostFormValue("priority_id"),
		Entry: journal.EntryInput{
			NewBossName: r.PostFormValue("new_boss_name"),
			OccurredOn:  r.PostFormValue("occurred_on"),
			Kind:        r.PostFormValue("kind"),
			Summary:     r.PostFormValue("summary"),
			Notes:       r.PostFormValue("notes"),
			Practices:   r.PostForm["practice"],
		},
		FollowUp: journal.FollowUpInput{
			Text:  r.PostFormValue(journal.CaptureFollowUpPrefix + "text"),
			Owner: r.PostFormValue(journal.CaptureFollowUpPrefix + "owner"),
			DueOn: r.PostFormValue(journal.CaptureFollowUpPrefix + "due_on"),
		},
		Token: r.PostFormValue("token"),
	}
	for _, k := range journal.Blocks {
		if blockSent(r, k) {
			readBlock(r, k, k.NewInput(&p.Entry))
		}
	}
	return p
}

// blockSent reports whether the form carried any field of the block.
func blockSent(r *http.Request, k journal.BlockKind) bool {
	for _, f := range k.Written {
		if _, ok := r.PostForm[f.FormName()]; ok {
			return true
		}
	}
	return false
}

// readBlock reads the block's fields, as typed, into b.
func readBlock(r *http.Request, k journal.BlockKind, b journal.BlockInput) {
	for i, p := range b.Fields() {
		switch p := p.(type) {
		case *string:
			*p = r.PostFormValue(k.Written[i].FormName())
		case *[]string:
			*p = r.PostForm[k.Written[i].FormName()]
		}
	}
}

// entryPostOf is the edit form of a stored entry.
func entryPostOf(e *journal.Entry) entryPost {
	p := entryPost{
		Boss: strconv.FormatInt(e.BossID, 10),
		Entry: journal.EntryInput{
			OccurredOn: e.OccurredOn, Kind: e.Kind, Summary: e.Summary, Notes: e.Notes,
			Practices: e.Practices,
		},
	}
	if e.PriorityID > 0 {
		p.Priority = strconv.FormatInt(e.PriorityID, 10)
	}
	for _, k := range journal.Blocks {
		if fields, _ := k.Fields(e); fields != nil {
			copyFields(k.NewInput(&p.Entry).Fields(), fields)
		}
	}
	return p
}

// input is the domain's input: a copy, which validating may normalise
// while the typed values stay as they are, tagged with the practice of
// each block it carries. The error holds the fields that are not even of
// the right form (an id that is not a number), to be reported with the
// domain's own problems.
func (p entryPost) input() (journal.EntryInput, error) {
	in := p.Entry
	in.Practices = slices.Clone(p.Entry.Practices)
	for _, k := range journal.Blocks {
		if b := k.Input(&p.Entry); b != nil {
			copyFields(k.NewInput(&in).Fields(), b.Fields())
		}
	}
	in.AddBlockPractices()
	problems := journal.Problems{}
	var ok bool
	if in.BossID, ok = httpx.FormID(p.Boss); !ok {
		problems.Add("boss", "Choose who this was with, or type a new name.")
	}
	if in.PriorityID, ok = httpx.FormID(p.Priority); !ok {
		problems.Add("priority", "Choose one of the listed priorities.")
	}
	return in, problems.Err()
}

// followUp is the capture form's follow-up, validated: nil when none was
// typed.
func (p entryPost) followUp() (*journal.FollowUpInput, error) {
	return journal.CaptureFollowUp(p.FollowUp.Text, p.FollowUp.Owner, p.FollowUp.DueOn)
}

// copyFields copies block values from src to dst, pointers to the same
// fields (each a *string or a *[]string); lists are copied, not shared.
func copyFields(dst, src []any) {
	for i, d := range dst {
		switch d := d.(type) {
		case *string:
			*d = *src[i].(*string)
		case *[]string:
			*d = slices.Clone(*src[i].(*[]string))
		}
	}
}

// values fill the entry form: every field as typed, by form field name;
// the practices are p.Entry.Practices.
func (p entryPost) values() map[string]string {
	in := p.Entry
	v := map[string]string{
		"boss_id": p.Boss, "new_boss_name": in.NewBossName, "occurred_on": in.OccurredOn, "kind": in.Kind,
		"summary": in.Summary, "notes": in.Notes, "priority_id": p.Priority,
		journal.CaptureFollowUpPrefix + "text":   p.FollowUp.Text,
		journal.CaptureFollowUpPrefix + "owner":  p.FollowUp.Owner,
		journal.CaptureFollowUpPrefix + "due_on": p.FollowUp.DueOn,
		"token":                                  p.Token,
	}
	for _, k := range journal.Blocks {
		b := k.Input(&in)
		if b == nil {
			b = k.NewInput(&journal.EntryInput{}) // not sent: shown empty
		}
		for i, field := range b.Fields() {
			switch field := field.(type) {
			case *string:
				v[k.Written[i].FormName()] = *field
			case *[]string:
				web.OptionValues(v, *field)
			}
		}
	}
	return v
}
