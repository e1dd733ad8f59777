package report

import (
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

// english is the source language, in which the goldens are written.
var english = i18n.MustLoad("en").Localizer("en")

// TestDraftsWriteDatesInTheOwnersLanguage: the weekly update, the prep
// agenda and the review draft write their dates, percentages and
// decimals in the language they are given.
func TestDraftsWriteDatesInTheOwnersLanguage(t *testing.T) {
	de := i18n.MustLoad("en").Localizer("de")
	week := WeeklyUpdate(de, Update{Summary: weekFixture(t), Author: "Ann", Today: today,
		Entries: []*journal.Entry{{OccurredOn: "2026-11-24", Summary: "Shipped", Practices: []string{"results"}, BossName: "Dana"}}})
	prep := PrepAgenda(de, &core.Prep{Boss: &journal.Boss{ID: 1, Name: "Dana"}, Today: today,
		FollowUps: []*journal.FollowUp{{Text: "Budget", Owner: "me", DueOn: "2026-11-20", OverdueAfter: "2026-11-20"}}})
	review := ReviewDraft(de, reviewFixture(), "", "Ann")
	for _, c := range []struct{ doc, got, want string }{
		{"update", week, "(23.–29. Nov. 2026)"},
		{"update", week, "Shipped (Di., 24. Nov.,"},
		{"prep", prep, ": Freitag, 27. November 2026\n"},
		{"prep", prep, "Budget (überfällig seit Fr., 20. Nov.)"},
		{"review", review, "Montag, 1. Juni 2026 bis Montag, 30. November 2026"},
		{"review", review, "(Mo., 5. Okt. 2026,"},
		{"review", review, "(67\u00a0% pünktlich)"},
		{"review", review, "26,5 Tage"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("the German %s does not hold %q:\n%s", c.doc, c.want, c.got)
		}
	}
}
