package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestEntryBlocksInTheReadersLanguage: the entry form's problem, bet and
// forecast, and their sections on an entry's page with the forms that
// close them, speak the reader's language, the option words of the
// selects and the practice a block tags included; an English reader gets
// the words as before.
func TestEntryBlocksInTheReadersLanguage(t *testing.T) {
	f := newBlocksFixture(t)
	g := newForecastsFixture(t)
	form := "/entries/new"
	problem, bet, fc := "/entries/"+f.ids["P3"], "/entries/"+f.ids["B1"], "/entries/"+g.ids["F2"]
	english := map[string][]string{
		form: {"<summary>Raise a problem with options</summary>", "The entry is tagged <em>Be the solution seeker</em>.",
			`<label for="problem">The problem</label>`, "(one to five, up to 300 characters each)",
			"<summary>Place a bet</summary>", "The entry is tagged <em>Take calculated risks</em>.", `<label for="review_on">Review on</label>`,
			"<summary>Forecast a problem</summary>", `<label for="expected_by">Lands by</label>`, `<option value="medium">Medium</option>`,
			`<label for="noticed_on">First noticed, if earlier</label>`},
		problem: {"<h2 id=\"problem-heading\">Problem raised</h2>", "<strong>I recommend:</strong> Take A of P3",
			"<strong>Decision:</strong> Another option or a variant", "<h3>Record the decision</h3>",
			`<option value="taken">Recommendation taken</option>`, `<label for="decided_on">On</label>`, ">Save decision</button>"},
		bet: {"<h2 id=\"bet-heading\">Bet placed</h2>", "<strong>Review on</strong> Thu 26 Nov 2026", "⚑ due for review",
			"<h3>Record the outcome</h3>", `<option value="as_expected" selected>As expected</option>`, `<label for="reviewed_on">Reviewed on</label>`,
			"Optional, up to 1,000 characters: what you would do again, or differently.", ">Save outcome</button>"},
		fc: {"<h2 id=\"forecast-heading\">Forecast raised</h2>", "<strong>Likelihood:</strong> Medium · <strong>would land by</strong> Thu 10 Dec 2026",
			"<strong>Prepared:</strong> Plan F2", "First noticed Sun 22 Nov 2026", "<strong>Still open</strong>", "<h3>Close the forecast</h3>",
			`<option value="averted">Averted</option>`, ">Save result</button>"},
	}
	german := map[string][]string{
		form: {"<summary>Ein Problem mit Optionen ansprechen</summary>", "Der Eintrag bekommt die Praktik <em>Lösungen mitbringen</em>.",
			`<label for="problem">Das Problem</label>`, "(eine bis fünf, je bis zu 300 Zeichen)", `<label for="option-1">Option 1</label>`,
			"<summary>Eine Wette eingehen</summary>", "Der Eintrag bekommt die Praktik <em>Kalkulierte Risiken eingehen</em>.",
			`<label for="review_on">Rückblick am</label>`, "<summary>Ein Problem vorhersagen</summary>", `<label for="expected_by">Tritt ein bis</label>`,
			`<option value="medium">Mittel</option>`, `<label for="noticed_on">Zuerst bemerkt, falls früher</label>`},
		problem: {"<h2 id=\"problem-heading\">Angesprochenes Problem</h2>", "<strong>Meine Empfehlung:</strong> Take A of P3",
			"<strong>Entscheidung:</strong> Andere Option oder Variante", "<h3>Entscheidung festhalten</h3>",
			`<option value="taken">Empfehlung angenommen</option>`, `<label for="decided_on">Am</label>`, ">Entscheidung speichern</button>"},
		bet: {"<h2 id=\"bet-heading\">Eingegangene Wette</h2>", "<strong>Rückblick am</strong> Do., 26. Nov. 2026", "⚑ Rückblick fällig",
			"<h3>Ergebnis festhalten</h3>", `<option value="as_expected" selected>Wie erwartet</option>`, `<label for="reviewed_on">Ausgewertet am</label>`,
			"Optional, bis zu 1.000 Zeichen: was du wieder so oder anders machen würdest.", ">Ergebnis speichern</button>"},
		fc: {"<h2 id=\"forecast-heading\">Abgegebene Prognose</h2>", "<strong>Wahrscheinlichkeit:</strong> Mittel · <strong>würde eintreten bis</strong> Do., 10. Dez. 2026",
			"<strong>Vorbereitet:</strong> Plan F2", "Zuerst bemerkt am So., 22. Nov. 2026", "<strong>Noch offen</strong>", "<h3>Prognose abschließen</h3>",
			`<option value="averted">Abgewendet</option>`, ">Ergebnis speichern</button>"},
	}
	pages := []string{form, problem, bet, fc}
	get := func(p string) *response {
		if p == fc {
			return g.ann.get(p)
		}
		return f.ann.get(p)
	}
	for _, p := range pages {
		r := get(p)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, english[p]...)
	}

	speak(t, f.app, "ann@example.com", "de")
	speak(t, g.app, "ann@example.com", "de")
	for _, p := range pages {
		r := get(p)
		wantStatus(t, r, http.StatusOK)
		wantBody(t, r, append([]string{`<html lang="de">`}, german[p]...)...)
		wantNoEnglish(t, "German "+p, r, english[p]...)
	}

	speak(t, f.app, "ann@example.com", "fr")
	fr := f.ann.get(problem)
	wantBody(t, fr, "<h2 id=\"problem-heading\">Problème soulevé</h2>", "<strong>Décision\u00a0:</strong> Une autre option ou une variante",
		`<option value="declined">Refusé</option>`)
	wantNone(t, fr, english[problem]...)
}

// TestBlockRefusalsInTheReadersLanguage: a refused problem, bet or
// forecast on the entry form, and a refused decision, outcome or result,
// say what is wrong in the reader's language, with a 422 that keeps what
// was typed and writes nothing.
func TestBlockRefusalsInTheReadersLanguage(t *testing.T) {
	app, ann, dana := fixedApp(t)
	speak(t, app, "ann@example.com", "de")
	bad := blockForm(dana, "2026-11-26", "problem", "QA stalls releases", "recommendation", "Automate",
		"bet", "Ship on Friday", "review_on", "2026-11-20",
		"forecast", "The vendor slips", "expected_by", "2026-11-01", "likelihood", "certain", "prepared", "A fallback")
	r := wantEntryRefused(t, app, ann, bad, "option", "Bring mindestens eine Option mit und sag, welche du empfiehlst.", "problems", "bets", "forecasts")
	wantBody(t, r, `<html lang="de">`, "Bitte korrigiere die markierten Felder.",
		"Wähle für den Rückblick einen Tag nach dem Eintrag.", "Eine Prognose tritt am Tag des Eintrags oder danach ein.",
		"Wähle, wie wahrscheinlich es ist: niedrig, mittel oder hoch.")
	wantTypedText(t, r, bad, "problem", "recommendation", "bet", "forecast", "prepared")
	wantTypedDates(t, r, bad, "review_on", "expected_by")
	wantNone(t, r, "Bring at least one option", "Choose a review date after the day of the entry.",
		"A forecast lands on or after the day of the entry.", "Choose how likely it is")

	p := ann.createdID("/entries", blockForm(dana, "2026-11-20", "problem", "P", "option", "A", "recommendation", "A"), "/entries/")
	b := ann.createdID("/entries", blockForm(dana, "2026-11-20", "bet", "B", "review_on", "2026-11-25"), "/entries/")
	fc := ann.createdID("/entries", forecastForm(dana, "2026-11-20", "forecast", "F", "expected_by", "2026-11-25", "prepared", "Plan"), "/entries/")
	closings := []struct {
		path string
		form url.Values
		want []string
	}{
		{"/entries/" + p + "/decision", url.Values{"decision": {"maybe"}, "decided_on": {"2026-11-19"}, "note": {"Dana decides"}},
			[]string{"Wähle, was aus dem Problem geworden ist.", "Die Entscheidung kann nicht vor dem Eintrag liegen, der das Problem angesprochen hat.", ">Dana decides</textarea>"}},
		{"/entries/" + b + "/outcome", url.Values{"outcome": {"great"}, "reviewed_on": {"2026-12-01"}, "lesson": {"Ask earlier"}},
			[]string{"Wähle, wie die Wette ausgegangen ist.", "Dieses Datum liegt noch in der Zukunft.", ">Ask earlier</textarea>"}},
		{"/entries/" + fc + "/forecast", url.Values{"result": {"maybe"}, "resolved_on": {"20261125"}},
			[]string{"Wähle, was aus der Prognose geworden ist.", "Gib das Datum als JJJJ-MM-TT ein."}},
	}
	for _, c := range closings {
		r := ann.post(c.path, c.form)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, c.want...)
		for _, d := range []string{"decided_on", "reviewed_on", "resolved_on"} {
			if v := c.form.Get(d); v != "" {
				wantBody(t, r, `value="`+v+`"`)
			}
		}
	}
	if n := app.scalar("SELECT count(*) FROM problems WHERE decided_on IS NOT NULL"); n != int64(0) {
		t.Errorf("a refused decision was written: %v", n)
	}

	// Moving an entry past its problem's decision is refused beside its date.
	wantStatus(t, ann.post("/entries/"+p+"/decision", url.Values{"decision": {"taken"}, "decided_on": {"2026-11-21"}}), http.StatusSeeOther)
	moved := ann.post("/entries/"+p, blockForm(dana, "2026-11-22", "problem", "P", "option", "A", "recommendation", "A"))
	wantStatus(t, moved, http.StatusUnprocessableEntity)
	wantBody(t, moved, `id="occurred_on-error"`, "Problem oder Wette dieses Eintrags haben eine Entscheidung, einen Rückblick oder ein Ergebnis an oder vor diesem Tag.",
		`value="2026-11-22"`)

	speak(t, app, "ann@example.com", "es")
	es := ann.post("/entries", bad)
	wantStatus(t, es, http.StatusUnprocessableEntity)
	wantBody(t, es, `<html lang="es">`, "Trae al menos una opción y di cuál recomiendas.",
		"Elige una fecha de revisión posterior al día de la entrada.", "Una previsión llega el día de la entrada o después.")
}

// TestWeekBlocksInTheReadersLanguage: the week's problems, bets and
// forecasts, their nudges and 12-month lines (CLDR plurals, a percentage
// as the language writes it), and the lists of what is due speak the
// reader's language on the week, home and prep pages.
func TestWeekBlocksInTheReadersLanguage(t *testing.T) {
	f := newBlocksFixture(t)
	g := newForecastsFixture(t)
	week, prep := "/weeks/2026-W48", "/bosses/"+f.dana+"/prep"
	english := []string{"<h2 id=\"blocks-heading\">Problems and bets</h2>",
		"<strong>Problems:</strong> 3 raised · 3 open · 1 taken · 1 changed · 0 declined",
		"3 problems still wait for a decision.",
		"<strong>Bets:</strong> 2 placed · 2 due · 3 reviewed (1 better, 0 as expected, 1 worse, 1 called off)",
		"2 bets are past their review date.",
		"Of 6 problems raised in the last 12 months, 1 ended with your recommendation taken (17%).",
		"Of 3 bets reviewed in the last 12 months, 2 came out as expected or better (67%).",
		"Bets to review", "with Eve, review since Thu 12 Nov 2026"}
	wantBody(t, f.ann.get(week), english...)
	englishF := []string{"<strong>Forecasts:</strong> 4 raised · 2 due · 3 closed (1 happened, 1 averted, 1 did not happen)",
		"Warning given: a median of 1.5 days between raising a forecast and the day it landed (4 forecasts).",
		"Time to raise: a median of 2.5 days between noticing a problem and raising it (4 forecasts).",
		"Forecasts to close", "with Dana, expected Fri 20 Nov 2026"}
	wantBody(t, g.ann.get(week), englishF...)
	wantBody(t, g.ann.get("/weeks/2026-W46"), "Warning given: 10 days between raising a forecast and the day it landed (1 forecast).",
		"Time to raise: 1 day between noticing a problem and raising it (1 forecast).")
	englishPrep := []string{"Problems awaiting a decision", "raised Fri 20 Nov 2026", "Bets due for review", "review since Thu 26 Nov 2026"}
	wantBody(t, f.ann.get(prep), englishPrep...)

	speak(t, f.app, "ann@example.com", "de")
	speak(t, g.app, "ann@example.com", "de")
	de := f.ann.get(week)
	wantStatus(t, de, http.StatusOK)
	wantBody(t, de, "<h2 id=\"blocks-heading\">Probleme und Wetten</h2>",
		"<strong>Probleme:</strong> 3 angesprochen · 3 offen · 1 angenommen · 1 geändert · 0 abgelehnt",
		"3 Probleme warten noch auf eine Entscheidung.",
		"<strong>Wetten:</strong> 2 eingegangen · 2 fällig · 3 ausgewertet (1 besser, 0 wie erwartet, 1 schlechter, 1 abgeblasen)",
		"Bei 2 Wetten ist der Rückblick überfällig.",
		"6 Probleme in den letzten 12 Monaten angesprochen, bei 1 davon wurde deine Empfehlung angenommen (17\u00a0%).",
		"3 Wetten in den letzten 12 Monaten ausgewertet, davon 2 wie erwartet oder besser (67\u00a0%).",
		"Wetten zum Auswerten", "mit Eve, Rückblick fällig seit Do., 12. Nov. 2026")
	wantNone(t, de, english...)
	deF := g.ann.get(week)
	wantBody(t, deF, "<strong>Prognosen:</strong> 4 abgegeben · 2 fällig · 3 abgeschlossen (1 eingetreten, 1 abgewendet, 1 nicht eingetreten)",
		"Vorwarnung: im Median 1,5 Tage zwischen der Prognose und dem Tag, an dem es eintrat (4 Prognosen).",
		"Zeit bis zur Meldung: im Median 2,5 Tage zwischen dem Bemerken eines Problems und der Meldung (4 Prognosen).",
		"Prognosen zum Abschließen", "mit Dana, erwartet am Fr., 20. Nov. 2026")
	wantNone(t, deF, englishF...)
	home := g.ann.get("/")
	wantBody(t, home, "Prognosen zum Abschließen", "mit Eve, erwartet am Fr., 27. Nov. 2026")
	wantNone(t, home, "Forecasts to close", "with Eve, expected")
	dePrep := f.ann.get(prep)
	wantBody(t, dePrep, "Probleme, die auf eine Entscheidung warten", "angesprochen am Fr., 20. Nov. 2026",
		"Wetten mit fälligem Rückblick", "Rückblick fällig seit Do., 26. Nov. 2026")
	wantNone(t, dePrep, englishPrep...)
	wantBody(t, g.ann.get("/bosses/"+g.dana+"/prep"), "Kein Problem mit Dana wartet auf eine Entscheidung.",
		"Bei keiner Wette mit Dana ist der Rückblick fällig.")

	// One forecast gives its own days, not a median; one day is singular.
	// French writes the singular for 0 and 1 too.
	w46 := g.ann.get("/weeks/2026-W46")
	wantBody(t, w46, "Vorwarnung: 10 Tage zwischen der Prognose und dem Tag, an dem es eintrat (1 Prognose).",
		"Zeit bis zur Meldung: 1 Tag zwischen dem Bemerken eines Problems und der Meldung (1 Prognose).")
	speak(t, f.app, "ann@example.com", "fr")
	fr := f.ann.get(week)
	wantBody(t, fr, "<strong>Problèmes\u00a0:</strong> 3 soulevés · 3 ouverts · 1 retenu · 1 modifié · 0 refusé",
		"Sur 6 problèmes soulevés ces 12 derniers mois, votre recommandation a été retenue pour 1 (17\u00a0%).",
		"Sur 3 paris évalués ces 12 derniers mois, comme prévu ou mieux\u00a0: 2 (67\u00a0%).")
	wantNone(t, fr, english...)
	speak(t, g.app, "ann@example.com", "es")
	wantBody(t, g.ann.get(week), "<strong>Previsiones:</strong> 4 planteadas · 2 pendientes · 3 cerradas (1 ocurrió, 1 evitada, 1 no ocurrió)")
}

// TestBossEvidenceInTheReadersLanguage: a boss's operating manual (its
// form, and its summary on the prep page) and the drift of their
// priorities speak the reader's language, plurals included, and a refused
// manual says why in it, keeping what was typed.
func TestBossEvidenceInTheReadersLanguage(t *testing.T) {
	f := evidenceFixture(t)
	boss, prep := "/bosses/"+f.dana, "/bosses/"+f.dana+"/prep"
	english := []string{"<h2 id=\"manual-form-heading\">Operating manual</h2>", "How they like to get information",
		`<option value="in_person">In person</option>`, "Preferred channel", "Save the manual", "Priority drift",
		"1 in 4 weeks · 1 in 12 weeks (25% of entries) · touched this week",
		"<strong class=\"flag\">Drifting:</strong>", "no entry in the 8 weeks since it was noted"}
	wantBody(t, f.ann.get(boss), english...)
	englishPrep := []string{"How they work", "Nothing noted yet.", "Note how they like to work", "Promises this quarter"}
	wantBody(t, f.ann.get(prep), englishPrep...)

	speak(t, f.app, "ann@example.com", "de")
	de := f.ann.get(boss)
	wantStatus(t, de, http.StatusOK)
	wantBody(t, de, "<h2 id=\"manual-form-heading\">Arbeitsweise</h2>", "Wie sie Informationen am liebsten bekommt",
		`<option value="in_person">Persönlich</option>`, "Bevorzugter Kanal", "Arbeitsweise speichern", "Prioritäten im Blick",
		"1 in 4 Wochen · 1 in 12 Wochen (25\u00a0% der Einträge) · diese Woche bearbeitet",
		"<strong class=\"flag\">Aus dem Blick:</strong>", "kein Eintrag in den 8 Wochen, seit sie notiert ist")
	wantNone(t, de, english...)
	dePrep := f.ann.get(prep)
	wantBody(t, dePrep, "Noch nichts notiert.", "Notiere, wie deine Führungskraft am liebsten arbeitet", "Zusagen in diesem Quartal")
	wantNone(t, dePrep, englishPrep...)

	bad := url.Values{"manual_prefers": {"fax"}, "manual_channel": {"Slack"}, "manual_cares": {strings.Repeat("c", 301)}}
	r := f.ann.post(boss+"/manual", bad)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Wähle schriftlich, persönlich oder beides.", "Beschränke das auf 300 Zeichen; der Rest gehört in die Notizen.",
		`name="manual_channel" type="text" value="Slack"`)
	if got := f.app.scalar("SELECT count(*) FROM bosses WHERE manual_channel = 'Slack'"); got != int64(0) {
		t.Errorf("a refused manual was written: %v", got)
	}

	f.ann.post(boss+"/manual", url.Values{"manual_prefers": {"writing"}, "manual_channel": {"Slack"}})
	wantBody(t, f.ann.get(prep), "<dt>Informationen am liebsten</dt><dd>Schriftlich</dd>", "<dt>Kanal</dt><dd>Slack</dd>")

	speak(t, f.app, "ann@example.com", "es")
	es := f.ann.get(boss)
	wantBody(t, es, "<h2 id=\"manual-form-heading\">Manual de uso</h2>", "ninguna entrada en las 8 semanas desde que se anotó")
	wantNone(t, es, english...)
}
