package i18n

import (
	"strings"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// Two said ids with one English text would let Said pick either, with
// translations that may differ: the catalog refuses to load.
func TestSaidRefusesOneTextUnderTwoIDs(t *testing.T) {
	for _, text := range []string{"Enter the date as YYYY-MM-DD.", "Search for at most {{.Max}} characters."} {
		c := &Catalog{said: map[string]string{}}
		err := c.learnSaid([]*goi18n.Message{
			{ID: "said.block.date_form", Other: text},
			{ID: "practice.results.label", Other: text},
			{ID: "said.entry.date_form", Other: text},
		})
		if err == nil || !strings.Contains(err.Error(), "said.block.date_form and said.entry.date_form") {
			t.Errorf("%q under two said ids: err = %v, want both ids named", text, err)
		}
	}
	c := &Catalog{said: map[string]string{}}
	if err := c.learnSaid([]*goi18n.Message{{ID: "said.a", Other: "One."}, {ID: "said.b", Other: "Two."}}); err != nil {
		t.Errorf("two texts: %v", err)
	}
}
