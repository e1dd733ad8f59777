package pages

import (
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// blockForms are the forms that close the entry's blocks as first shown:
// what is recorded so far, dated today.
func blockForms(e *journal.Entry, today string) web.BlockForms {
	forms := web.BlockForms{}
	for _, k := range journal.Blocks {
		forms[k.Key] = web.Form{Values: blockClosePostOf(k, e, today).values()}
	}
	return forms
}
