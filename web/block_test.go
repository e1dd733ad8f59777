package web

import (
	"context"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"github.com/leadup/leadup/internal/journal"
)

// TestEveryBlockHasItsView holds the web's side of the block registry: each
// block of journal.Blocks registers its view (a block declared in journal
// but not here fails this test, not a page), no view is left without its
// block, and each view works from its own block's description: its form
// opens when the block's first field is typed, and an entry carrying the
// block shows it with the form posting to the block's closing route.
func TestEveryBlockHasItsView(t *testing.T) {
	if len(blockViews) != len(journal.Blocks) {
		t.Errorf("%d block views for %d blocks", len(blockViews), len(journal.Blocks))
	}
	for _, k := range journal.Blocks {
		t.Run(k.Key, func(t *testing.T) {
			v, ok := blockViews[k.Key]
			if !ok || v.Form == nil || v.Typed == nil || v.View == nil {
				t.Fatalf("block %q has no complete view (registered %v): register one with registerBlockView in its template file", k.Key, ok)
			}
			if v.Typed(Form{}) {
				t.Error("an empty form counts as typed")
			}
			typed := Form{Values: map[string]string{k.Written[0].FormName(): "x"}}
			if !v.Typed(typed) {
				t.Errorf("typing %q does not open the block", k.Written[0].FormName())
			}
			if html := render(t, v.Form(EntryForm{Form: typed})); !strings.Contains(html, `<details class="entry-block`) || !strings.Contains(html, " open>") {
				t.Errorf("the typed block's form is not an open <details>: %s", html)
			}

			e := &journal.Entry{ID: 3, OccurredOn: "2026-11-20"}
			if html := render(t, v.View(EntryView{Entry: e})); html != "" {
				t.Errorf("an entry without the block shows %q", html)
			}
			k.New(e)
			action := `action="/entries/3/` + k.Closing + `"`
			if html := render(t, v.View(EntryView{Entry: e, Blocks: BlockForms{k.Key: {}}})); !strings.Contains(html, action) {
				t.Errorf("an entry with the block shows no form with %s: %s", action, html)
			}
		})
	}
	for key := range blockViews {
		if !hasBlock(key) {
			t.Errorf("a view is registered for %q, which is not in journal.Blocks", key)
		}
	}
}

func hasBlock(key string) bool {
	for _, k := range journal.Blocks {
		if k.Key == key {
			return true
		}
	}
	return false
}

func render(t *testing.T, c templ.Component) string {
	t.Helper()
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
