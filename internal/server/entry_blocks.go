package server

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// readBlocks reads the entry form's blocks (journal.Blocks) into an
// entry's input and tags the practices they stand for. A block whose
// fields the form did not carry at all stays nil, so an update from such a
// form leaves it alone.
func readBlocks(r *http.Request, in *journal.EntryInput) {
	for _, k := range journal.Blocks {
		sent := false
		for _, f := range k.Written {
			_, ok := r.PostForm[f.FormName()]
			sent = sent || ok
		}
		if !sent {
			continue
		}
		b := k.NewInput(in)
		for i, p := range b.Fields() {
			switch p := p.(type) {
			case *string:
				*p = r.PostFormValue(k.Written[i].FormName())
			case *[]string:
				*p = r.PostForm[k.Written[i].FormName()]
			}
		}
	}
	in.AddBlockPractices()
}

// blockFormValues copies what was typed in the blocks, for a re-render.
func blockFormValues(r *http.Request, values map[string]string) {
	for _, k := range journal.Blocks {
		var in journal.EntryInput
		for i, p := range k.NewInput(&in).Fields() {
			name := k.Written[i].FormName()
			if _, list := p.(*[]string); list {
				web.OptionValues(values, r.PostForm[name])
			} else {
				values[name] = r.PostFormValue(name)
			}
		}
	}
}

// entryBlockValues fills the edit form with an entry's stored blocks.
func entryBlockValues(values map[string]string, e *journal.Entry) {
	for _, k := range journal.Blocks {
		fields, _ := k.Fields(e)
		for i, f := range k.Written {
			if fields == nil {
				break
			}
			switch p := fields[i].(type) {
			case *string:
				values[f.FormName()] = *p
			case *[]string:
				web.OptionValues(values, *p)
			}
		}
	}
}

// blockForms are the forms that close the entry's blocks as first shown:
// what is recorded so far, dated today.
func blockForms(e *journal.Entry, today string) web.BlockForms {
	forms := web.BlockForms{}
	for _, k := range journal.Blocks {
		forms[k.Key] = web.Form{Values: k.ClosingShown(e, today)}
	}
	return forms
}
