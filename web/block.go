package web

import (
	"github.com/a-h/templ"
	"github.com/leadup/leadup/internal/journal"
)

// blockView is what the pages draw of one kind of entry block
// (journal.Blocks): its part of the entry form, folded in a <details>;
// whether that part holds something typed or refused, which opens it and
// the form's "More"; and its section on the entry's page, with the form
// that closes it. Each block registers its view once, in its own template
// file, so a new block adds its templates without editing the entry form
// or page.
type blockView struct {
	Form  func(EntryForm) templ.Component
	Typed func(Form) bool
	View  func(EntryView) templ.Component
}

// blockViews are the registered views, by the block's key.
var blockViews = map[string]blockView{}

// registerBlockView registers the view of the block of kind k. It returns
// the view, so that a template file can register at package level.
func registerBlockView(k journal.BlockKind, v blockView) blockView {
	blockViews[k.Key] = v
	return v
}

// entryBlockViews are the views of the blocks in the order of
// journal.Blocks; a block without one is left out of the pages (and
// fails TestEveryBlockHasItsView).
func entryBlockViews() []blockView {
	views := make([]blockView, 0, len(journal.Blocks))
	for _, k := range journal.Blocks {
		if v, ok := blockViews[k.Key]; ok {
			views = append(views, v)
		}
	}
	return views
}

// blockForms are the blocks' parts of the entry form, in order.
func blockForms(f EntryForm) templ.Component {
	var parts []templ.Component
	for _, v := range entryBlockViews() {
		parts = append(parts, v.Form(f))
	}
	return templ.Join(parts...)
}

// blockSections are the blocks' sections of an entry's page, in order.
func blockSections(v EntryView) templ.Component {
	var parts []templ.Component
	for _, b := range entryBlockViews() {
		parts = append(parts, b.View(v))
	}
	return templ.Join(parts...)
}

// blockTyped reports whether any block of the entry form holds something.
func blockTyped(f Form) bool {
	for _, v := range entryBlockViews() {
		if v.Typed(f) {
			return true
		}
	}
	return false
}
