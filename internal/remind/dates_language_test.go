package remind

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestMailDatesInTheOwnersLanguage: the weekly review's subject and the
// sign-up-taken notice write their dates in the owner's language, not
// the language of whoever set the server up.
func TestMailDatesInTheOwnersLanguage(t *testing.T) {
	f := newFixture(t, false, "https://example.com/leadup/")
	f.clock.Set(mustTime("2026-11-23T08:00:00Z"))
	ctx := context.Background()
	u, err := f.db.CreateUser(ctx, journal.Signup{Email: "ann@example.com", DisplayName: "Ann", TimeZone: "Europe/Berlin", Language: "de"}, "x")
	if err != nil {
		t.Fatal(err)
	}
	b := f.boss(u, "Ana")
	if _, err := f.db.CreateEntry(ctx, u.ID, journal.EntryInput{BossID: b.ID, OccurredOn: "2026-11-23", Kind: "one_on_one", Summary: "Budget", Practices: []string{"results"}}); err != nil {
		t.Fatal(err)
	}
	f.settings(u, journal.NotificationSettings{WeeklyReview: true, WeeklyDay: 5, WeeklyTime: "16:00"})

	f.passAt("2026-11-27T15:00:00Z") // Friday 16:00 in Berlin
	found := false
	for _, m := range f.relay.messages() {
		found = found || m.Subject == "Deine Woche im Führen nach oben: 23.–29. Nov. 2026"
	}
	if !found {
		t.Errorf("no weekly review with a German range among %d messages", len(f.relay.messages()))
	}

	if err := f.run.SendSignupTaken(ctx, u); err != nil {
		t.Fatal(err)
	}
	msgs := f.relay.messages()
	contains(t, "sign-up-taken notice", msgs[len(msgs)-1].Text, "Freitag, 27. November 2026 um 16:00 CET")
}
