package server

import (
	"net/http"
	"strings"
	"testing"
)

// draftGet downloads a Markdown draft as the user does, from the link's
// ?download=1, with the browser asking for accept.
func draftGet(t *testing.T, c *client, path, accept string) *response {
	t.Helper()
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	r := c.getWith(path+sep+"download=1", "Accept-Language", accept)
	wantStatus(t, r, http.StatusOK)
	if cd := r.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Errorf("%s: Content-Disposition %q, want an attachment", path, cd)
	}
	return r
}

// TestMarkdownDraftsInTheOwnersLanguage: the weekly update, the 1:1
// agenda and the self-review come out in the owner's language, practice
// names included; English drafts keep their words.
func TestMarkdownDraftsInTheOwnersLanguage(t *testing.T) {
	f := reviewFixture(t)
	week := "/weeks/2026-W48.md?boss_id=" + f.dana
	prep := "/bosses/" + f.dana + "/prep.md"
	review := "/review.md?from=2026-08-01&to=2026-11-30"
	englishWeek := []string{"# Weekly update: 2026-W48", "Hi Dana,", "Here is where things stand this week.",
		"## Delivered", "## Progress on your priorities", "## Commitments kept", "Thanks,"}
	englishPrep := []string{"# 1:1 with Dana: Friday 27 November 2026", "## What I owe", "## Their priorities",
		"## Practices to bring in (none with Dana in four weeks)", "## Last conversations"}
	englishReview := []string{"# Self-review draft: Saturday 1 August 2026 to Monday 30 November 2026",
		"## Deliver results\n\n3 entries in the period, strongest first:", "served Ship the Q4 plan",
		"## Priorities I served", "- Mine: 2 promises fell due, 1 kept on time, 1 late, 0 overdue (50% on time); 0 not yet due, 0 withdrawn.",
		"I raised 1 problem, with options and a recommendation", "I placed 1 bet.", "| Month | Deliver results |"}
	wantBody(t, draftGet(t, f.ann, week, "en"), englishWeek...)
	wantBody(t, draftGet(t, f.ann, prep, "en"), englishPrep...)
	wantBody(t, draftGet(t, f.ann, review, "en"), englishReview...)

	speak(t, f.app, "ann@example.com", "de")
	de := draftGet(t, f.ann, week, "de")
	wantBody(t, de, "# Wochen-Update: 2026-W48", "Hallo Dana,", "Hier der Stand dieser Woche.", "## Geliefert",
		"## Fortschritt bei deinen Prioritäten", "## Gehaltene Zusagen", "Viele Grüße")
	wantNone(t, de, englishWeek...)
	de = draftGet(t, f.ann, prep, "de")
	wantBody(t, de, "# 1:1 mit Dana: ", "## Was ich schulde", "## Prioritäten von Dana",
		"## Praktiken zum Einbringen (seit vier Wochen keine mit Dana)", "## Letzte Gespräche",
		"- Dein Team entwickeln: Gib eine Aufgabe", "- Von Dana: 1 Zusage fällig, 0 pünktlich gehalten")
	wantNone(t, de, englishPrep...)
	de = draftGet(t, f.ann, review, "de")
	wantBody(t, de, "# Entwurf der Selbsteinschätzung: ", "## Ergebnisse liefern\n\n3 Einträge im Zeitraum, die stärksten zuerst:",
		"zahlt ein auf Ship the Q4 plan", "## Prioritäten, auf die ich eingezahlt habe",
		"- Meine: 2 Zusagen fällig, 1 pünktlich gehalten, 1 verspätet, 0 überfällig (50\u00a0% pünktlich); 0 noch nicht fällig, 0 zurückgezogen.",
		"Ich habe 1 Problem mit Optionen und Empfehlung angesprochen", "Ich habe 1 Wette gesetzt.", "| Monat | Ergebnisse liefern |")
	wantNone(t, de, englishReview...)

	speak(t, f.app, "ann@example.com", "es")
	es := draftGet(t, f.ann, week, "es")
	wantBody(t, es, "# Novedades de la semana: 2026-W48", "Hola, Dana:", "## Entregado", "## Compromisos cumplidos", "Gracias,")
	wantNone(t, es, englishWeek...)
	es = draftGet(t, f.ann, prep, "es")
	wantBody(t, es, "# 1:1 con Dana: ", "## Lo que debo yo", "## Prioridades de Dana", "## Últimas conversaciones")
	wantNone(t, es, englishPrep...)
	es = draftGet(t, f.ann, review, "es")
	wantBody(t, es, "# Borrador de autoevaluación: ", "## Dar resultados\n\n3 entradas en el periodo, las más sólidas primero:",
		"Planteé 1 problema, con opciones y una recomendación", "| Mes | Dar resultados |")
	wantNone(t, es, englishReview...)
}

// TestMarkdownDraftFollowsTheOwnerNotTheBrowser: a German owner's drafts
// are German whatever the browser asking for them prefers, and an
// English owner's English, even from a German browser.
func TestMarkdownDraftFollowsTheOwnerNotTheBrowser(t *testing.T) {
	f := reviewFixture(t)
	for _, path := range []string{"/weeks/2026-W48.md", "/bosses/" + f.dana + "/prep.md", "/review.md"} {
		en := draftGet(t, f.ann, path, "de-DE,de;q=0.9")
		if strings.Contains(en.body, "## Was ich schulde") || !strings.HasPrefix(en.body, "# ") || strings.Contains(en.body, "Hallo") {
			t.Errorf("%s for an English owner from a German browser:\n%s", path, en.body)
		}
	}
	wantBody(t, draftGet(t, f.ann, "/review.md", "de-DE,de;q=0.9"), "# Self-review draft: ")

	speak(t, f.app, "ann@example.com", "de")
	// A signed-in owner's ?lang= changes nothing either.
	wantBody(t, draftGet(t, f.ann, "/review.md?lang=fr", "fr"), "# Entwurf der Selbsteinschätzung: ")
	for _, accept := range []string{"en-US,en;q=0.9", "fr-FR", "es"} {
		wantBody(t, draftGet(t, f.ann, "/weeks/2026-W48.md", accept), "# Wochen-Update: 2026-W48")
		wantBody(t, draftGet(t, f.ann, "/bosses/"+f.dana+"/prep.md", accept), "# 1:1 mit Dana: ")
		wantBody(t, draftGet(t, f.ann, "/review.md", accept), "# Entwurf der Selbsteinschätzung: ")
	}
}

// TestMarkdownExportInTheOwnersLanguage: the journal downloaded as
// Markdown names its weeks, fields, blocks and practices in the owner's
// language, whatever the browser asks for; JSON and CSV keep their
// English keys and practice keys.
func TestMarkdownExportInTheOwnersLanguage(t *testing.T) {
	f := reviewFixture(t)
	english := []string{"# Test User's leadup journal", "Newest week first.", "## Week 2026-W48 (", "With Dana · ", "Deliver results",
		"Recommendation: Move the launch", "Decision: Recommendation taken (2026-10-20): Moved",
		"Bet: The new vendor halves the cost", "Outcome: Better than expected (2026-10-10)", "Lesson: Ask early", "Follow-ups:"}
	en := draftGet(t, f.ann, "/export.md", "de-DE")
	wantBody(t, en, english...)

	speak(t, f.app, "ann@example.com", "de")
	de := draftGet(t, f.ann, "/export.md", "en-US")
	wantBody(t, de, "# leadup-Journal von Test User", "Neueste Woche zuerst.", "## Woche 2026-W48 (", "Mit Dana · ", "Ergebnisse liefern",
		"Problem: The launch clashes with the audit", "Empfehlung: Move the launch", "Entscheidung: Empfehlung angenommen (2026-10-20): Moved",
		"Wette: The new vendor halves the cost", "Ergebnis: Besser als erwartet (2026-10-10)", "Lehre: Ask early", "Zusagen:")
	wantNone(t, de, english[1:]...)

	speak(t, f.app, "ann@example.com", "fr")
	fr := draftGet(t, f.ann, "/export.md", "de")
	wantBody(t, fr, "# Journal leadup de Test User", "## Semaine 2026-W48 (", "Avec Dana · ", "Obtenir des résultats",
		"Décision\u00a0: Recommandation retenue (2026-10-20) : Moved", "Engagements\u00a0:")
	wantNone(t, fr, english[1:]...)
	// The data exports keep their keys.
	wantBody(t, f.ann.get("/export.json"), `"practices":["results"`)
}
