package web

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

// TestBlockLinesInEachLanguage: the week's lines about problems, bets and
// forecasts take each language's CLDR plural (French's singular for 0 and
// 1 and for 1.5, English's for 1 only) and write the percentage as the
// language does; English reads as it always has.
func TestBlockLinesInEachLanguage(t *testing.T) {
	cat := i18n.MustLoad("en")
	in := func(tag string) context.Context { return WithLanguage(context.Background(), cat.Localizer(tag), nil) }
	en, de, fr, es := in("en"), in("de"), in("fr"), in("es")
	tests := []struct {
		got, want string
	}{
		{problemsNudge(en, journal.ProblemStats{Open: 0}), ""},
		{problemsNudge(en, journal.ProblemStats{Open: 1}), "1 problem still waits for a decision."},
		{problemsNudge(en, journal.ProblemStats{Open: 3, Raised: 9}), "3 problems still wait for a decision."},
		{problemsNudge(de, journal.ProblemStats{Open: 1}), "1 Problem wartet noch auf eine Entscheidung."},
		{betsNudge(en, journal.BetStats{}), ""},
		{betsNudge(en, journal.BetStats{Due: 1}), "1 bet is past its review date."},
		{betsNudge(en, journal.BetStats{Due: 2}), "2 bets are past their review date."},
		{betsNudge(fr, journal.BetStats{Due: 1}), "1 pari a dépassé sa date de bilan."},
		{solutionsLine(en, journal.SolutionsRate{}), "No problems raised in the last 12 months."},
		{solutionsLine(en, journal.SolutionsRate{Raised: 3, Taken: 2}), "Of 3 problems raised in the last 12 months, 2 ended with your recommendation taken (67%)."},
		{solutionsLine(en, journal.SolutionsRate{Raised: 1, Taken: 0}), "Of 1 problem raised in the last 12 months, 0 ended with your recommendation taken (0%)."},
		{solutionsLine(de, journal.SolutionsRate{Raised: 1, Taken: 1}), "1 Problem in den letzten 12 Monaten angesprochen, bei 1 davon wurde deine Empfehlung angenommen (100\u00a0%)."},
		{solutionsLine(es, journal.SolutionsRate{Raised: 3, Taken: 2}), "De 3 problemas planteados en los últimos 12 meses, en 2 se aceptó tu recomendación (67\u00a0%)."},
		{calibrationLine(en, journal.Calibration{}), "No bets reviewed in the last 12 months."},
		{calibrationLine(en, journal.Calibration{Reviewed: 4, AsExpectedOrBetter: 3}), "Of 4 bets reviewed in the last 12 months, 3 came out as expected or better (75%)."},
		{calibrationLine(en, journal.Calibration{Reviewed: 1}), "Of 1 bet reviewed in the last 12 months, 0 came out as expected or better (0%)."},
		{calibrationLine(fr, journal.Calibration{Reviewed: 1}), "Sur 1 pari évalué ces 12 derniers mois, comme prévu ou mieux\u00a0: 0 (0\u00a0%)."},
		{problemsLine(fr, journal.ProblemStats{Raised: 0, Open: 1, Taken: 2}), "0 soulevé · 1 ouvert · 2 retenus · 0 modifié · 0 refusé"},
		{problemsLine(es, journal.ProblemStats{Raised: 0, Open: 1, Taken: 2}), "0 planteados · 1 abierto · 2 aceptados · 0 cambiados · 0 rechazados"},
		{days(en, 1), "1 day"},
		{days(en, 1.5), "1.5 days"},
		{days(de, 1), "1 Tag"},
		{days(de, 1.5), "1,5 Tage"},
		{days(fr, 1.5), "1,5 jour"},
		{days(fr, 2), "2 jours"},
		{warningLine(en, journal.NoSurprises{Forecasts: 2, WarningDays: 1.5}), "Warning given: a median of 1.5 days between raising a forecast and the day it landed (2 forecasts)."},
		{raiseLine(en, journal.NoSurprises{Forecasts: 1, RaiseDays: 0}), "Time to raise: 0 days between noticing a problem and raising it (1 forecast)."},
		{raiseLine(fr, journal.NoSurprises{Forecasts: 1, RaiseDays: 0}), "Délai de signalement\u00a0: 0 jour entre le moment où vous avez remarqué le problème et son signalement (1 prévision)."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestBlockOptionWordsMatchTheJournal: every decision, outcome,
// likelihood, forecast result and manual preference the journal knows has
// its words in the catalog, the English ones as the journal writes them
// (exports and Markdown use those), and a German one of its own.
func TestBlockOptionWordsMatchTheJournal(t *testing.T) {
	cat := i18n.MustLoad("en")
	en := WithLanguage(context.Background(), cat.Localizer("en"), nil)
	de := WithLanguage(context.Background(), cat.Localizer("de"), nil)
	lists := map[string][]journal.Option{
		"block.decision_": journal.Decisions, "block.outcome_": journal.Outcomes, "forecast.likelihood_": journal.Likelihoods,
		"forecast.result_": journal.ForecastResults, "evidence.prefers_": journal.ManualPrefers,
	}
	for prefix, opts := range lists {
		for i, o := range options(en, prefix, opts) {
			if o != opts[i] {
				t.Errorf("%s%s: English %+v, journal %+v", prefix, opts[i].Value, o, opts[i])
			}
		}
		for _, o := range options(de, prefix, opts) {
			if o.Label == prefix+o.Value || o.Label == "" {
				t.Errorf("%s%s: no German words", prefix, o.Value)
			}
		}
	}
}
