package server

import (
	"testing"
)

// TestBrowserRemindersPageFitsAPhone: the reminders and calendar page in
// German, Spanish and French (long words, mail on, a feed) has no
// sideways scroll at 390 px.
func TestBrowserRemindersPageFitsAPhone(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	f.app.withMail(&outbox{})
	ctx := newBrowser(t, 390, 844)
	base := f.app.ts.URL
	if err := browserLogin(ctx, base, "/", "ann@example.com"); err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"de", "es", "fr"} {
		if _, err := f.app.db.Writer().Exec("UPDATE users SET language = ? WHERE email = 'ann@example.com'", tag); err != nil {
			t.Fatal(err)
		}
		checkNoOverflow(t, ctx, base, []string{"/settings/notifications"}, "light")
		wantLang(t, ctx, tag)
	}
}
