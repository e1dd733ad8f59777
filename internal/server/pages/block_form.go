package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
)

// blockClosePost is the form that closes an entry's block — the decision
// on its problem, the outcome of its bet, the result of its forecast — as
// typed. Its fields are the block's Recorded columns (journal.BlockKind),
// so one struct serves every block: it reads the request, gives the domain
// a copy to validate, and fills the form again as typed.
type blockClosePost struct {
	Kind   journal.BlockKind
	Values []string // as typed, in the order of Kind.Recorded
}

func parseBlockClosePost(r *http.Request, k journal.BlockKind) blockClosePost {
	p := blockClosePost{Kind: k, Values: make([]string, len(k.Recorded))}
	for i, f := range k.Recorded {
		p.Values[i] = r.PostFormValue(f.FormName())
	}
	return p
}

// blockClosePostOf is the closing form of the entry's block as first
// shown: what is recorded so far, or the usual answer dated today.
func blockClosePostOf(k journal.BlockKind, e *journal.Entry, today string) blockClosePost {
	shown := k.ClosingShown(e, today)
	p := blockClosePost{Kind: k, Values: make([]string, len(k.Recorded))}
	for i, f := range k.Recorded {
		p.Values[i] = shown[f.FormName()]
	}
	return p
}

// input is a copy for the domain, which validating may trim.
func (p blockClosePost) input() journal.BlockCloser {
	in := p.Kind.Closer()
	for i, f := range in.Fields() {
		*f.(*string) = p.Values[i]
	}
	return in
}

// values fill the form as typed, by form field name.
func (p blockClosePost) values() map[string]string {
	v := make(map[string]string, len(p.Values))
	for i, f := range p.Kind.Recorded {
		v[f.FormName()] = p.Values[i]
	}
	return v
}
