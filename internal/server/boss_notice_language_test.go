package server

import (
	"net/url"
	"testing"
)

// TestBossAddedNoticeInTheReadersLanguage: the notice after adding a
// boss, which the handler writes around the name the user typed, reaches
// a German or French user in their language with the name as typed, and
// an English user as before.
func TestBossAddedNoticeInTheReadersLanguage(t *testing.T) {
	app := newTestApp(t)
	ann := app.signedUp("ann@example.com")
	for _, c := range []struct{ lang, name, want string }{
		{"en", "Dana", "Dana added."},
		{"de", "Jörg Müller", "Jörg Müller hinzugefügt."},
		{"fr", "Added Person", "Ajouté\u00a0: Added Person."},
	} {
		ann.switchLanguage("Ann", c.lang)
		id := ann.createdID("/bosses", url.Values{"name": {c.name}, "relation": {"manager"}}, "/bosses/")
		wantBody(t, ann.get("/bosses/"+id), c.want)
	}
}
