package pages

import (
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestBlockClosePostRoundTrip holds, for every block, that the closing
// form read from a request fills the form again exactly as typed, also
// after the domain has validated (and trimmed) its copy; and that the form
// as first shown on the entry's page, posted back, is what it showed.
func TestBlockClosePostRoundTrip(t *testing.T) {
	for _, k := range journal.Blocks {
		t.Run(k.Key, func(t *testing.T) {
			typed := map[string]string{}
			for _, f := range k.Recorded {
				typed[f.FormName()] = "  " + f.Column + " \x01"
			}
			p := parseBlockClosePost(postedForm(t, formOf(typed)), k)
			in := p.input()
			if journal.FieldErrors(in.Validate("2026-11-20", "2026-11-28")) == nil {
				t.Error("typed nonsense was accepted")
			}
			sameValues(t, p.values(), typed)

			e := &journal.Entry{OccurredOn: "2026-11-20"}
			k.New(e)
			shown := blockClosePostOf(k, e, "2026-11-28").values()
			for name, v := range k.ClosingShown(e, "2026-11-28") {
				if shown[name] != v {
					t.Errorf("first shown %s = %q, want %q", name, shown[name], v)
				}
			}
			back := parseBlockClosePost(postedForm(t, formOf(shown)), k).input()
			for i, f := range back.Fields() {
				if name := k.Recorded[i].FormName(); *f.(*string) != shown[name] {
					t.Errorf("posted back %s = %q, want %q as shown", name, *f.(*string), shown[name])
				}
			}
			if err := back.Validate("2026-11-20", "2026-11-28"); err != nil {
				t.Errorf("the form as first shown is refused: %v", err)
			}
		})
	}
}
