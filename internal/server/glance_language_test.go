package server

import (
	"net/http"
	"net/url"
	"testing"
)

// TestHomeGlanceInTheReadersLanguage: the week at a glance on the home
// page, and the notice after a follow-up or a priority is added, speak
// the reader's language, with the overdue count in CLDR's plural; an
// English reader reads them as before, less the hand-written "(s)".
func TestHomeGlanceInTheReadersLanguage(t *testing.T) {
	f := newWeekFixture(t)
	english := []string{"This week at a glance", "Not yet this week:", "overdue follow-up", "See them</a>", "Follow-up added.", "Priority added."}
	wantStatus(t, f.ann.post("/entries/"+f.e2+"/followups", url.Values{"text": {"Send the notes"}, "owner": {"me"}}), http.StatusSeeOther)
	en := f.ann.get("/")
	wantBody(t, en, english[:5]...)
	wantBody(t, en, "⚠ 1 overdue follow-up. <a")

	speak(t, f.app, "ann@example.com", "de")
	wantStatus(t, f.ann.post("/entries/"+f.e2+"/followups", url.Values{"text": {"Notizen schicken"}, "owner": {"me"}, "due_on": {"2026-11-26"}}), http.StatusSeeOther)
	de := f.ann.get("/")
	wantStatus(t, de, http.StatusOK)
	wantBody(t, de, "Zusage hinzugefügt.", "Diese Woche auf einen Blick", "Diese Woche noch nicht:",
		"⚠ 2 überfällige Zusagen. <a", `<a href="/followups">Ansehen</a>`)
	wantNone(t, de, english...)

	speak(t, f.app, "ann@example.com", "es")
	wantStatus(t, f.ann.post("/bosses/"+f.dana+"/priorities", url.Values{"text": {"Contratar"}}), http.StatusSeeOther)
	es := f.ann.get("/bosses/" + f.dana)
	wantBody(t, es, "Prioridad añadida.")
	wantNone(t, es, english...)
	es = f.ann.get("/")
	wantBody(t, es, "Tu semana de un vistazo", "Aún no esta semana:", "⚠ 2 compromisos vencidos. <a", ">Verlos</a>")
	wantNone(t, es, english...)
}
