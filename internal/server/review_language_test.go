package server

import (
	"net/http"
	"testing"
)

// TestReviewPageInTheReadersLanguage: the review composer's form, quick
// periods, sections, evidence, ledger, chart and month table speak the
// reader's language, with CLDR plurals; an English reader gets the words
// as before.
func TestReviewPageInTheReadersLanguage(t *testing.T) {
	f := reviewFixture(t)
	const page = "/review?from=2026-08-01&to=2026-11-30"
	english := []string{"<title>Review · leadup</title>", "<h1>Review</h1>", "Draft as Markdown",
		`aria-label="Download Draft as Markdown" download>Download</a>`, `aria-label="Copy Draft as Markdown" hidden>Copy</button>`, `<label for="from">From</label>`,
		"Every boss", `<button type="submit">Show</button>`, `aria-label="Quick periods"`, ">Last quarter<", ">Last half<", ">This year<",
		"1 Aug – 30 Nov 2026, every boss.", "a follow-up kept on time", "served “Ship the Q4 plan”", "decision taken", "bet reviewed",
		"Month by month", "Priorities served", "1 entry</span>", "Problems and bets",
		"1 problem raised with options: 1 taken as proposed, 0 changed, 0 declined, 0 waiting for a decision.",
		"1 bet placed: 1 better than expected", "Promises kept", "Promises by whom, judged against the first due date",
		`<th scope="col">Not yet due</th>`, `<th scope="row">Me</th>`, `<th scope="row">The boss</th>`,
		"Entries per practice, month by month", `<th scope="col">Month</th>`, `<th scope="col">All</th>`}
	en := f.ann.get(page)
	wantStatus(t, en, http.StatusOK)
	wantBody(t, en, english...)

	speak(t, f.app, "ann@example.com", "de")
	de := f.ann.get(page)
	wantStatus(t, de, http.StatusOK)
	wantBody(t, de, `<html lang="de">`, "<title>Rückblick · leadup</title>", "<h1>Rückblick</h1>", "Entwurf als Markdown",
		`aria-label="Entwurf als Markdown herunterladen" download>Herunterladen</a>`, `aria-label="Entwurf als Markdown kopieren" hidden>Kopieren</button>`,
		`<label for="from">Von</label>`, "Alle Führungskräfte", `<button type="submit">Anzeigen</button>`,
		">Letztes Quartal<", ">Letztes Halbjahr<", ">Dieses Jahr<", "1. Aug. – 30. Nov. 2026, alle Führungskräfte.",
		"eine Zusage pünktlich gehalten", "zahlt ein auf „Ship the Q4 plan“", "Entscheidung gefallen", "Wette ausgewertet",
		`<span class="chip chip-results">Ergebnisse liefern</span>`, "Monat für Monat", "Unterstützte Prioritäten",
		"1 Eintrag</span>", "Probleme und Wetten",
		"1 Problem mit Optionen angesprochen: 1 wie vorgeschlagen umgesetzt, 0 geändert, 0 abgelehnt, 0 noch ohne Entscheidung.",
		"1 Wette gesetzt: 1 besser als erwartet", "Gehaltene Zusagen", "Zusagen nach Person, gemessen am ersten Fälligkeitsdatum",
		`<th scope="col">Noch nicht fällig</th>`, `<th scope="row">Ich</th>`, `<th scope="col">Monat</th>`, "Einträge je Praktik, Monat für Monat")
	wantNone(t, de, english...)

	// The period's errors, the one naming what was typed included.
	bad := f.ann.get("/review?from=2026-12-01&to=2026-11-01")
	wantStatus(t, bad, http.StatusBadRequest)
	wantBody(t, bad, `id="period-error">Der Zeitraum beginnt, nachdem er endet.`)
	notDate := f.ann.get("/review?from=soon&to=2026-11-01")
	wantStatus(t, notDate, http.StatusBadRequest)
	wantBody(t, notDate, `id="period-error">&#34;soon&#34; ist kein Datum: schreib es wie 2026-01-31.`, `value="soon"`)
	tooLong := f.ann.get("/review?from=2010-01-01&to=2026-11-01")
	wantStatus(t, tooLong, http.StatusBadRequest)
	wantBody(t, tooLong, `id="period-error">Ein Rückblick umfasst höchstens zehn Jahre.`)

	speak(t, f.app, "ann@example.com", "es")
	es := f.ann.get(page)
	wantStatus(t, es, http.StatusOK)
	wantBody(t, es, `<html lang="es">`, "<title>Repaso · leadup</title>", "<h1>Repaso</h1>", "Borrador en Markdown", ">Último trimestre<",
		"1 ago – 30 nov 2026, todos los responsables.", "un compromiso cumplido a tiempo", "Prioridades atendidas",
		"1 problema planteado con opciones", "1 apuesta hecha: 1 mejor de lo esperado", `<th scope="row">Yo</th>`)
	wantNone(t, es, english...)
	wantBody(t, f.ann.get("/review?from=2026-12-01&to=2026-11-01"), "El periodo empieza después de terminar.")
}
