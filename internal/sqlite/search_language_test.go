package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// inflection is a word a user wrote in an entry and one they search for.
type inflection struct {
	lang, sentence, typed string
	// want: the search should find the sentence. A false match (want
	// false) that a search makes all the same is conflated: both words
	// have the same Porter stem in the index, or one's stem starts the
	// other's, which is how every search in that language reads them.
	want, conflated bool
}

// inflections are what German, Spanish and French users write and type:
// plurals and singulars both ways, umlauts and ß typed or written out,
// accents typed or not; and words that are not the same.
var inflections = []inflection{
	{"de", "Gespräch mit den Mitarbeitern über die Ziele.", "Mitarbeiter", true, false},
	{"de", "Jeder Mitarbeiter bekommt ein Feedback.", "Mitarbeitern", true, false},
	{"de", "Die neue Mitarbeiterin fängt am Montag an.", "Mitarbeiter", true, false},
	{"de", "Die Budgets für 2027 sind freigegeben.", "Budget", true, false},
	{"de", "Das Budget ist knapp.", "Budgets", true, false},
	{"de", "Zwei Entscheidungen stehen noch aus.", "Entscheidung", true, false},
	{"de", "Die Entscheidung fällt am Freitag.", "Entscheidungen", true, false},
	{"de", "Ein gutes Gespräch mit Dana.", "Gesprach", true, false},
	{"de", "Ein kurzes Gespräch im Flur.", "Gespraech", true, false},
	{"de", "Zwei Gespräche mit dem Vorstand.", "Gespräch", true, false},
	{"de", "Die Größe des Teams passt.", "Grösse", true, false},
	{"de", "Die Größe der Abteilung wächst.", "Groesse", true, false},
	{"de", "Das Büro liegt an der Hauptstraße.", "Hauptstrasse", true, false},
	{"de", "Die Übergabe an das neue Team.", "Uebergabe", true, false},
	{"de", "Die Übergabe ist geplant.", "Ubergabe", true, false},
	{"de", "Die Kosten steigen.", "Kost", false, true},
	{"de", "Viel Arbeit diese Woche.", "Arbeiter", false, true},
	{"de", "Sie gab mir einen Rat.", "Rate", false, false},
	{"de", "Drei Termine am Montag.", "Terminal", false, true},
	{"es", "Revisamos los presupuestos del trimestre.", "presupuesto", true, false},
	{"es", "El presupuesto está aprobado.", "presupuestos", true, false},
	{"es", "Tomamos dos decisiones difíciles.", "decisión", true, false},
	{"es", "Hay decisiones pendientes.", "decision", true, false},
	{"es", "La decisión es del director.", "decisiones", true, false},
	{"es", "Demasiadas reuniones esta semana.", "reunión", true, false},
	{"es", "La reunión fue corta.", "reuniones", true, false},
	{"es", "El capitán del equipo habló.", "capital", false, true},
	{"es", "Un presupuesto general.", "generoso", false, false},
	{"fr", "Les décisions sont prises.", "décision", true, false},
	{"fr", "Les décisions de la semaine.", "decision", true, false},
	{"fr", "Une décision rapide.", "décisions", true, false},
	{"fr", "Trop de réunions cette semaine.", "reunion", true, false},
	{"fr", "Deux réunions avec la direction.", "réunion", true, false},
	{"fr", "La réunion a été annulée.", "réunions", true, false},
	{"fr", "Les équipes se réorganisent.", "équipe", true, false},
	{"fr", "Les équipes ont livré.", "equipe", true, false},
	{"fr", "Mon équipe a livré.", "équipes", true, false},
	{"fr", "Une journée bien remplie.", "journaux", false, false},
	{"fr", "Il a parti tôt.", "partie", false, true},
	{"fr", "La nation entière.", "national", false, true},
}

// TestSearchInflections measures, for each language's user, what the
// English rules (every search before languages had their own) and the
// user's language's rules find, and checks the latter finds every wanted
// inflection and no false match beyond the conflations the index makes
// for everybody. Run with -v for the table.
func TestSearchInflections(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := map[string]*journal.User{}
	entries := make([]int64, len(inflections))
	for i, c := range inflections {
		u := users[c.lang]
		if u == nil {
			var err error
			if u, err = db.CreateUser(ctx, signup(c.lang+"@example.com"), "h"); err != nil {
				t.Fatal(err)
			}
			users[c.lang] = u
		}
		b, err := db.CreateBoss(ctx, u.ID, journal.BossInput{Name: "Dana", Relation: "manager"})
		if err != nil {
			t.Fatal(err)
		}
		in := entryIn(b.ID, "2026-11-02", "results")
		in.Summary = c.sentence
		e, err := db.CreateEntry(ctx, u.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		entries[i] = e.ID
	}
	finds := func(c inflection, entry int64, lang string) bool {
		list, _, err := db.FindEntries(ctx, users[c.lang].ID, journal.EntryFilter{Query: c.typed, Language: lang})
		if err != nil {
			t.Fatalf("search %q in %s: %v", c.typed, lang, err)
		}
		return slices.ContainsFunc(list, func(e *journal.Entry) bool { return e.ID == entry })
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-4s %-14s %-60s %-6s %-8s %s\n", "lang", "typed", "entry", "wanted", "English", "own")
	var wantedEN, wantedOwn, wanted, falseEN, falseOwn int
	for i, c := range inflections {
		en, own := finds(c, entries[i], "en"), finds(c, entries[i], c.lang)
		fmt.Fprintf(&table, "%-4s %-14s %-60s %-6v %-8v %v\n", c.lang, c.typed, c.sentence, c.want, en, own)
		switch {
		case c.want:
			wanted++
			wantedEN += b2i(en)
			wantedOwn += b2i(own)
			if !own {
				t.Errorf("%s: %q does not find %q", c.lang, c.typed, c.sentence)
			}
		default:
			falseEN += b2i(en)
			falseOwn += b2i(own)
			if own != c.conflated {
				t.Errorf("%s: %q finds %q: %v, want %v", c.lang, c.typed, c.sentence, own, c.conflated)
			}
		}
	}
	t.Logf("\n%swanted found: English rules %d of %d, own language %d of %d; false matches: English rules %d, own language %d of %d",
		table.String(), wantedEN, wanted, wantedOwn, wanted, falseEN, falseOwn, len(inflections)-wanted)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestSearchInEveryLanguageRuns: whatever a user types, in whichever
// language, the index is asked a valid query (a German word with two
// spellings is a group in parentheses, which FTS5 does not AND with its
// neighbours unless told).
func TestSearchInEveryLanguageRuns(t *testing.T) {
	f := newFixture(t)
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, 3, "Gespräch über die Größe der Straße")
	typed := []string{
		"Groesse Strasse", `"über die" Groesse`, `Groesse "über die"`, "Groesse OR Strasse", "NOT Groesse",
		"Groesse AND", "(Groesse)", "Groesse*", "-Groesse", "Groesse:Strasse", "^Groesse", "NEAR(Groesse Strasse)",
		`"Groesse`, `Groesse"`, "ae oe ue ss", "ä ö ü ß", "Übergaben Größen décisions reuniones",
		strings.Repeat("Groesse ", journal.MaxSearchTerms),
	}
	for _, lang := range []string{"en", "de", "es", "fr", "pt", ""} {
		for _, q := range typed {
			if _, err := f.db.ListEntries(context.Background(), f.ann.ID, journal.EntryFilter{Query: q, Language: lang}); err != nil {
				t.Errorf("searching for %q in %q: %v", q, lang, err)
			}
		}
	}
	if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "Groesse Strasse", Language: "de"}); len(got) != 3 {
		t.Errorf("searching for both words finds %d entries, want 3", len(got))
	}
}
