package i18n

import "golang.org/x/text/language"

// Marker is the tag of the marker language, a language for checks only:
// each of its messages is the English one wrapped in MarkOpen … MarkClose,
// so that a page, mail or Markdown draft rendered in it shows every piece
// of text that did not come from the catalog bare. Only LoadWithMarker
// has it; the server's catalog (Load) never offers it to anyone.
const Marker = "en-x-marker"

// MarkOpen and MarkClose wrap each message of the marker language.
const (
	MarkOpen  = "⟦"
	MarkClose = "⟧"
)

var markerTag = language.MustParse(Marker)

// LoadWithMarker is Load with one more language, Marker: English, each
// message wrapped as it is given out, so it is never behind the English
// file. It is for tests that check every string a reader sees comes from
// the catalog: a user whose language is Marker reads every message
// wrapped, and anything else bare. Never use it to serve people.
func LoadWithMarker(defaultLang string) (*Catalog, error) { return load(defaultLang, true) }

// MustLoadWithMarker is LoadWithMarker for a default language known to be
// in the catalog.
func MustLoadWithMarker(defaultLang string) *Catalog {
	c, err := LoadWithMarker(defaultLang)
	if err != nil {
		panic(err)
	}
	c.wait()
	return c
}
