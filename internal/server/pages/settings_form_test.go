package pages

import (
	"testing"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

// TestProfilePostRoundTrip holds that the profile form, read from a
// request, fills the form again as typed after the domain validated (and
// trimmed) its copy, and that the saved profile's form, posted back, is it.
func TestProfilePostRoundTrip(t *testing.T) {
	typed := map[string]string{"display_name": "  Ann ", "timezone": " Mars/Base", "language": "de"}
	p := parseProfilePost(postedForm(t, formOf(typed)))
	in := p.input()
	if journal.FieldErrors(in.Validate())["timezone"] == "" || in.DisplayName != "Ann" {
		t.Errorf("input %+v: want it trimmed and its zone refused", in)
	}
	sameValues(t, p.values(), typed)

	u := &journal.User{DisplayName: "Ann", TimeZone: "Europe/Berlin", Language: "de"}
	back := parseProfilePost(postedForm(t, formOf(profilePostOf(u).values()))).input()
	back.Offered = i18n.MustLoad(i18n.Source.String()) // server.DefaultConfig's catalog
	if err := back.Validate(); err != nil || back != (journal.ProfileUpdate{DisplayName: "Ann", TimeZone: "Europe/Berlin", Language: "de", Offered: back.Offered}) {
		t.Errorf("saved profile posted back %+v (%v), want %+v", back, err, u)
	}
}
