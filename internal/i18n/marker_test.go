package i18n

import (
	"slices"
	"testing"
)

// TestMarkerLanguage: the marker language wraps every English message,
// plural forms and filled-in data included, and only LoadWithMarker has
// it.
func TestMarkerLanguage(t *testing.T) {
	c := MustLoadWithMarker(Source.String())
	if !c.Has(Marker) {
		t.Fatalf("LoadWithMarker's catalog lacks %s: %v", Marker, c.Tags())
	}
	en, m := c.Localizer("en"), c.Localizer(Marker)
	if m.Tag() != Marker {
		t.Errorf("marker localizer's tag %q, want %q", m.Tag(), Marker)
	}
	for _, tc := range []struct{ got, want string }{
		{m.T("practice.results.label"), "⟦" + en.T("practice.results.label") + "⟧"},
		{m.T("followup.mark_done_label", map[string]any{"Text": "x"}), "⟦Mark done: x⟧"},
		{m.N("entry.count", 1), "⟦1 entry⟧"},
		{m.N("entry.count", 3), "⟦3 entries⟧"},
		{m.T(NameID), "⟦English⟧"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	// A date is written from marked names in a marked pattern: no letter
	// of it is bare.
	if got, want := m.Date("2026-11-27", DayMonthYear), "⟦⟦Fri⟧ 27 ⟦Nov⟧ 2026⟧"; got != want {
		t.Errorf("marked date %q, want %q", got, want)
	}
	for english, id := range c.said {
		if got, want := m.Said(english), MarkOpen+english+MarkClose; got != want {
			t.Errorf("Said(%q) (%s) = %q, want %q", english, id, got, want)
		}
		break
	}
	if got := c.Match("en-US,en;q=0.9"); got != "en" {
		t.Errorf("an English browser matches %q in the marker catalog, want en", got)
	}
	if _, err := LoadWithMarker(Marker); err == nil {
		t.Error("the marker language was accepted as the default language")
	}
	if served := MustLoad(Source.String()); served.Has(Marker) || slices.Contains(served.Tags(), Marker) {
		t.Errorf("Load's catalog offers the marker language: %v", served.Tags())
	}
}
