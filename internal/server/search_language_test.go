package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// logEntry saves an entry with Dana (made on first use) whose summary is
// summary.
func (c *client) logEntry(summary string) {
	c.app.t.Helper()
	dana := c.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	c.createdID("/entries", entryForm("boss_id", dana, "summary", summary, "notes", ""), "/entries/")
}

// wantSearchFinds fails unless searching the entries for typed lists the
// entry whose summary is summary.
func (c *client) wantSearchFinds(typed, summary string) {
	c.app.t.Helper()
	r := c.get("/entries?q=" + url.QueryEscape(typed))
	if r.status != http.StatusOK {
		c.app.t.Fatalf("searching for %q: status %d, want 200", typed, r.status)
	}
	if !strings.Contains(r.body, summary) {
		c.app.t.Errorf("searching for %q does not list %q", typed, summary)
	}
}

// TestSearchInUsersLanguage: a German, a Spanish and a French user find
// their entries, on the page and through the API, by the form of a word
// they type, not only the one they wrote (the English Porter stemmer alone cut "Mitarbeiter" to a stem
// "Mitarbeitern" does not have, and "decisión" to one "decisiones" lacks).
func TestSearchInUsersLanguage(t *testing.T) {
	for _, tt := range []struct {
		accept, summary string
		typed           []string
	}{
		{"de-DE", "Gespräch mit den Mitarbeitern über die Entscheidungen zur Größe", []string{"Mitarbeiter", "Entscheidung", "Groesse", "Groesse Mitarbeiter"}},
		{"es-ES", "Tomamos dos decisiones sobre las reuniones", []string{"decisión", "reunión"}},
		{"fr-FR", "Trop de réunions et de décisions cette semaine", []string{"reunion", "décision"}},
	} {
		t.Run(tt.accept, func(t *testing.T) {
			app := newTestApp(t)
			c := app.client()
			c.signupAs("ann@example.com", tt.accept)
			c.logEntry(tt.summary)
			api := app.apiClient(c.createToken("search", "read", ""))
			for _, typed := range tt.typed {
				c.wantSearchFinds(typed, tt.summary)
				// The API searches by the same rules, the token's owner's.
				r := api.do("GET", "/entries?q="+url.QueryEscape(typed), nil)
				if r.status != http.StatusOK || !strings.Contains(string(r.body), tt.summary) {
					t.Errorf("the API's search for %q: status %d, does not list %q", typed, r.status, tt.summary)
				}
			}
		})
	}
}

// TestSearchAfterLanguageChange: the index holds no language, so a user who
// switches from German to Spanish finds the German entries they wrote
// before, by Spanish rules, and the Spanish ones they write after.
func TestSearchAfterLanguageChange(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	c.signupAs("ann@example.com", "de-DE")
	german := "Gespräch mit den Mitarbeitern über das Budget"
	c.logEntry(german)
	c.wantSearchFinds("Mitarbeiter", german)

	c.switchLanguage("Ann", "es")
	spanish := "Tomamos dos decisiones sobre el presupuesto"
	c.logEntry(spanish)
	c.wantSearchFinds("Mitarbeiter", german)
	c.wantSearchFinds("Budgets", german)
	c.wantSearchFinds("decisión", spanish)
}
