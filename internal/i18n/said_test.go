package i18n

import (
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestSaidWithFields: a message the Go code builds with values in it
// (fmt.Sprintf with a limit, a sentence around a reason) is found by its
// English form, in each language with the values it was built with; the
// English comes back byte for byte, and text that is no message stays as
// it is.
func TestSaidWithFields(t *testing.T) {
	c := MustLoad("en")
	de, en := c.Localizer("de"), c.Localizer("en")
	long := journal.CheckSearch(string(make([]byte, journal.MaxSearchChars+1)))
	for _, tc := range []struct{ english, german string }{
		{long, "Such nach höchstens 200 Zeichen."},
		{journal.CheckSearch("a b c d e f g h i j k"), "Such nach höchstens 10 Wörtern auf einmal."},
		{journal.ErrorMessage(journal.ErrTooManyTokens), "Du hast schon 20 Tokens, die funktionieren. Widerruf eines, das du nicht mehr brauchst, und leg dann dieses an."},
		// A field that is itself a message is translated inside the sentence.
		{"The test mail was not sent. The mail server refused the message (reply 550). Whoever runs this server finds the details in its log, under request r-1.",
			"Die Testmail wurde nicht verschickt. Der Mailserver hat die Nachricht abgelehnt (Antwort 550). Wer diesen Server betreibt, findet die Einzelheiten im Log unter Anfrage r-1."},
		{"Nothing like a message.", "Nothing like a message."},
	} {
		if got := de.Said(tc.english); got != tc.german {
			t.Errorf("Said(%q) in German = %q, want %q", tc.english, got, tc.german)
		}
		if got := en.Said(tc.english); got != tc.english {
			t.Errorf("Said(%q) in English = %q, want it unchanged", tc.english, got)
		}
	}
}
