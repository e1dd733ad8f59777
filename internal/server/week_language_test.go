package server

import (
	"net/http"
	"testing"
)

// speak sets the language of the account with email, as its settings
// would.
func speak(t *testing.T, app *testApp, email, tag string) {
	t.Helper()
	if _, err := app.db.Writer().Exec("UPDATE users SET language = ? WHERE email = ?", tag, email); err != nil {
		t.Fatal(err)
	}
}

// TestWeekPageInTheReadersLanguage: the week page's headings, counts,
// nudges, chart and table speak the reader's language, with CLDR plurals;
// an English reader gets the words, apostrophes included, as before.
func TestWeekPageInTheReadersLanguage(t *testing.T) {
	f := newWeekFixture(t)
	english := []string{"Week 2026-W48", "← Previous", "Practices this week", "Neglected this week", "Try next week:",
		"four weeks running", "Bosses you have not logged for three weeks", "no entry yet", "Opened this week",
		"Overdue now", "Your commitments due this week: 1 of 2 kept on time (50%).",
		"Your boss's commitments due this week: 0 of 1 kept on time (0%).", "This week's entries",
		"3 entries · 4 weeks in a row with an entry", "Entries per practice in the last 12 weeks",
		`<th scope="col">Week</th>`, "Last 12 weeks", "update for Dana"}
	en := f.ann.get("/weeks/2026-W48")
	wantStatus(t, en, http.StatusOK)
	wantBody(t, en, english...)

	speak(t, f.app, "ann@example.com", "de")
	de := f.ann.get("/weeks/2026-W48")
	wantStatus(t, de, http.StatusOK)
	wantBody(t, de, `<html lang="de">`, "Woche 2026-W48", "← Vorherige", "Praktiken diese Woche",
		"Diese Woche zu kurz gekommen", "Nächste Woche ausprobieren:", "⚑ seit vier Wochen",
		"Führungskräfte ohne Eintrag seit drei Wochen", "noch kein Eintrag", "Diese Woche neu", "Jetzt überfällig",
		"Deine Zusagen, fällig diese Woche: 1 von 2 pünktlich gehalten (50\u00a0%).",
		"Zusagen deiner Führungskraft, fällig diese Woche: 0 von 1 pünktlich gehalten (0\u00a0%).",
		"Einträge dieser Woche", "3 Einträge · 4 Wochen in Folge mit Eintrag", "Update für Dana",
		"Einträge je Praktik in den letzten 12 Wochen", `<th scope="col">Woche</th>`, "Letzte 12 Wochen")
	wantNone(t, de, english...)

	// One entry and a one-week run take the singular.
	w47 := f.ann.get("/weeks/2026-W47")
	wantBody(t, w47, "1 Eintrag · ")

	speak(t, f.app, "ann@example.com", "fr")
	fr := f.ann.get("/weeks/2026-W48")
	wantBody(t, fr, `<html lang="fr">`, "Semaine 2026-W48", "Négligées cette semaine",
		"Vos engagements dus cette semaine\u00a0: 1 sur 2 tenus à temps (50\u00a0%).", "3 entrées · 4 semaines de suite avec une entrée")
	wantNone(t, fr, english...)
}

// TestPrepPageInTheReadersLanguage: the 1:1 prep page's headings and
// empty states speak the reader's language, the practices named in them
// included; an English reader gets them as before.
func TestPrepPageInTheReadersLanguage(t *testing.T) {
	f := newWeekFixture(t)
	english := []string{"Prep: Dana", "Next 1:1 with Dana", "Agenda as Markdown", "Their priorities",
		"last worked on Mon 23 Nov 2026", "Problems to raise, with a proposal", "Risks to talk through",
		"Not shown with Dana in four weeks", "Last conversations"}
	emptyEnglish := []string{"Next 1:1 with Frank", "Nothing open, either way.",
		"No active priorities. Ask what matters most to them right now.",
		"No recent entries tagged <em>Be the solution seeker</em>. Bring one problem with a fix you propose.",
		"No recent entries tagged <em>Take calculated risks</em>.", "No entries with Frank yet."}
	wantBody(t, f.ann.get("/bosses/"+f.dana+"/prep"), english...)
	wantBody(t, f.ann.get("/bosses/"+f.frank+"/prep"), emptyEnglish...)

	speak(t, f.app, "ann@example.com", "de")
	de := f.ann.get("/bosses/" + f.dana + "/prep")
	wantStatus(t, de, http.StatusOK)
	wantBody(t, de, "<title>Vorbereitung: Dana · leadup</title>", "Nächstes 1:1 mit Dana", "Agenda als Markdown",
		"Prioritäten deiner Führungskraft", "zuletzt bearbeitet Mo., 23. Nov. 2026", "Probleme ansprechen, mit Vorschlag",
		"Risiken zum Besprechen", "Seit vier Wochen nicht bei Dana gezeigt", "Letzte Gespräche")
	wantNone(t, de, english...)
	deEmpty := f.ann.get("/bosses/" + f.frank + "/prep")
	wantBody(t, deEmpty, "Nichts offen, auf keiner Seite.", "Keine aktiven Prioritäten.",
		"Keine neueren Einträge zu <em>Lösungen mitbringen</em>. Bring ein Problem mit und schlag eine Lösung vor.",
		"Noch keine Einträge mit Frank.")
	wantNone(t, deEmpty, emptyEnglish...)

	speak(t, f.app, "ann@example.com", "es")
	es := f.ann.get("/bosses/" + f.frank + "/prep")
	wantBody(t, es, "Próximo 1:1 con Frank", "Aún no hay entradas con Frank.")
	wantNone(t, es, emptyEnglish...)
}

// TestBossPagesInTheReadersLanguage: the bosses list and a boss's page
// speak the reader's language; an English reader gets them as before.
func TestBossPagesInTheReadersLanguage(t *testing.T) {
	f := newWeekFixture(t)
	english := []string{"What Dana cares about", "← All bosses", "Prepare the next 1:1", "Log an interaction",
		"Promises this quarter", "Practice mix", "Entries with Dana by practice", "Recent entries",
		"All entries with Dana", "Add a priority", "Restore to the entry form", "Archiving hides Dana from the entry form and keeps every entry."}
	listEnglish := []string{"<h1>Bosses</h1>", "Add a boss", "Optional, for example VP Engineering."}
	en := f.ann.get("/bosses/" + f.dana)
	wantBody(t, en, english[:len(english)-2]...)
	wantBody(t, en, english[len(english)-1])
	wantBody(t, f.ann.get("/bosses"), listEnglish...)

	speak(t, f.app, "ann@example.com", "de")
	de := f.ann.get("/bosses/" + f.dana)
	wantStatus(t, de, http.StatusOK)
	wantBody(t, de, "Was Dana wichtig ist", "← Alle Führungskräfte", "Nächstes 1:1 vorbereiten", "Gespräch festhalten",
		"Zusagen in diesem Quartal", "Praktiken im Überblick", "Einträge mit Dana nach Praktik", "Neueste Einträge",
		"Alle Einträge mit Dana", "Priorität hinzufügen", "Archivieren blendet Dana im Eintragsformular aus und behält jeden Eintrag.")
	wantNone(t, de, english...)
	list := f.ann.get("/bosses")
	wantBody(t, list, "<title>Führungskräfte · leadup</title>", "<h1>Führungskräfte</h1>", "Führungskraft hinzufügen",
		"Optional, zum Beispiel VP Engineering.")
	wantNone(t, list, listEnglish...)

	speak(t, f.app, "ann@example.com", "fr")
	fr := f.ann.get("/bosses/" + f.dana)
	wantBody(t, fr, "Ce qui compte pour Dana", "Préparer le prochain tête-à-tête")
	wantNone(t, fr, english...)
}
