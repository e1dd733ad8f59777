package journal

import (
	"strings"
	"testing"
)

// TestSearchQueryInLanguages checks the terms a German, Spanish or French
// user's words become: prefixes without their inflection, a German word
// also in its other spelling; English (and a language without rules) as
// before.
func TestSearchQueryInLanguages(t *testing.T) {
	// "~" stands for the user's scope, "w7x".
	tests := []struct{ lang, in, want string }{
		{"de", "Mitarbeitern", `"~mitarbeit"*`},
		{"de", "Mitarbeiter", `"~mitarbeit"*`},
		{"de", "Entscheidungen", `"~entscheidung"*`},
		{"de", "Budgets", `"~budget"*`},
		{"de", "Kurs", `"~kurs"*`},
		{"de", "Groesse", `("~groess"* OR "~größ"*)`},
		{"de", "Größe", `("~größ"* OR "~groess"*)`},
		{"de", "Straße", `("~straß"* OR "~strass"*)`},
		{"de", "Quelle", `"~quell"*`},
		{"de-AT", "Rat", `"~rat"*`},
		{"de", "x", `"~x"`},
		{"de", `"die Mitarbeiter"`, `"~die ~Mitarbeiter"`},
		{"de", `Groesse "die Mitarbeiter" Budgets`, `("~groess"* OR "~größ"*) AND "~die ~Mitarbeiter" AND "~budget"*`},
		{"es", "decisiones", `"~decision"*`},
		{"es", "decisión", `"~decisión"*`},
		{"es", "presupuestos", `"~presupuest"*`},
		{"es", "nueces", `"~nuez"*`},
		{"es", "veces", `"~veces"*`}, // "vez" would be shorter than minLightStem
		{"es", "intereses", `"~interes"*`},
		{"fr", "réunions", `"~réunion"*`},
		{"fr", "équipes", `"~équip"*`},
		{"fr", "décidées", `"~décidé"*`},
		{"fr", "journaux", `"~journal"*`},
		{"fr", "les", `"~les"*`},
		{"en", "meetings", `"~meetings"`},
		{"pt", "decisões", `"~decisões"`},
		{"", "bud", `"~bud"*`},
	}
	for _, tt := range tests {
		if got, want := SearchQuery(7, tt.lang, tt.in), strings.ReplaceAll(tt.want, "~", "w7x"); got != want {
			t.Errorf("SearchQuery(7, %q, %q) = %q, want %q", tt.lang, tt.in, got, want)
		}
	}
}

// TestSnippetInLanguages: the snippet marks the words a search in the
// user's language found.
func TestSnippetInLanguages(t *testing.T) {
	mark := func(s string) string {
		return strings.NewReplacer("[", SnippetOpen, "]", SnippetClose).Replace(s)
	}
	tests := []struct{ lang, text, query, want string }{
		{"de", "Die Größe des Teams passt.", "Groesse", "Die [Größe] des Teams passt."},
		{"de", "Jeder Mitarbeiter bekommt Feedback.", "Mitarbeitern", "Jeder [Mitarbeiter] bekommt Feedback."},
		{"es", "La decisión es del director.", "decisiones", "La [decisión] es del director."},
		{"fr", "Trop de réunions.", "reunion", "Trop de [réunions]."},
	}
	for _, tt := range tests {
		if got := Snippet(tt.text, tt.lang, tt.query); got != mark(tt.want) {
			t.Errorf("Snippet(%q, %q, %q) = %q, want %q", tt.text, tt.lang, tt.query, got, mark(tt.want))
		}
	}
}
