package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"
	"github.com/leadup/leadup/internal/golden"
	"github.com/leadup/leadup/internal/journal"
)

// TestSettingsPagesGolden holds the English HTML of the settings pages
// (settings, API tokens, reminders and calendar, a 1:1 schedule, the
// unsubscribe page), the sign-up-by-mail pages and the offline, error and
// disk-full pages, byte for byte, so that moving their words into the
// catalog changes nothing an English reader gets. Run with -update to
// rewrite the files in testdata, then review the diff.
func TestSettingsPagesGolden(t *testing.T) {
	page := Page{Title: "Settings", User: &Viewer{DisplayName: "Ann", Device: "dev"}, Active: "settings"}
	anon := Page{Title: "Check your mail"}
	zones := []string{"Europe/Berlin"}
	made := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	used := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
	tokens := []*journal.APIToken{
		{ID: 1, Name: "phone", Scope: "read", CreatedAt: made},
		{ID: 2, Name: "backup", Scope: "write", CreatedAt: made, LastUsedAt: &used, ExpiresOn: "2026-12-31"},
		{ID: 3, Name: "old", Scope: "read", CreatedAt: made, ExpiresOn: "2026-11-01"},
		{ID: 4, Name: "gone", Scope: "write", CreatedAt: made, RevokedAt: &used},
	}
	schedules := []*journal.Schedule{{BossID: 7, BossName: "Dana", Remind: true}, {BossID: 8, BossName: "Eli"}}
	tests := []struct {
		name string
		c    templ.Component
	}{
		{"settings", SettingsPage(page, SettingsView{Email: "ann@example.com", Profile: Form{Values: map[string]string{"display_name": "Ann", "timezone": "Europe/Berlin"}}, Zones: zones})},
		{"settings-refused", SettingsPage(page, SettingsView{Email: "ann@example.com",
			Password: Form{Message: "Please correct the highlighted fields.", Errors: map[string]string{"new_password": "Use at least 10 characters."}},
			Import:   Form{Errors: map[string]string{"file": "record 3: no summary"}}, Zones: zones})},
		{"settings-proxy", SettingsPage(page, SettingsView{Email: "ann@example.com", ViaProxy: true, DeleteByEmail: true})},
		{"tokens-empty", TokensPage(named(page, "API tokens"), TokensView{Today: "2026-11-28", Check: OwnerCheck{Password: true}})},
		{"tokens-made", TokensPage(named(page, "API tokens"), TokensView{Today: "2026-11-28", NewToken: "lu_secret", NewName: "phone", Tokens: tokens, Check: OwnerCheck{Provider: "Example ID"}})},
		{"notifications-mail-off", NotificationsPage(named(page, "Reminders and calendar"), NotificationsView{Check: OwnerCheck{Password: true}})},
		{"notifications-mail-on", NotificationsPage(named(page, "Reminders and calendar"), NotificationsView{MailOn: true, Email: "ann@example.com",
			Form:      Form{Values: map[string]string{"weekly_review": "on", "weekly_day": "5", "weekly_time": "16:00"}},
			Failed:    []FailedReminder{{Kind: journal.KindWeeklyReview, Period: "2026-W47", Attempts: 3, Error: "relay refused", Retrying: true}, {Kind: journal.KindFollowUpsDigest, Period: "2026-11-27", Attempts: 5, Error: "no such mailbox"}},
			Schedules: schedules, HasFeed: true, FeedURL: "https://leadup.example/calendar/abc.ics", Test: "Sent.", TestOK: true})},
		{"notifications-feed", NotificationsPage(named(page, "Reminders and calendar"), NotificationsView{MailOn: true, Email: "ann@example.com", HasFeed: true, Test: "The relay refused.", Check: OwnerCheck{Provider: "Example ID"}})},
		{"schedule", ScheduleSection(7, "Dana", ScheduleForm{Form: Form{Values: map[string]string{"remind": "on"}, Errors: map[string]string{"weekday": "Choose a day."}}, Days: map[string]bool{"2": true}})},
		{"unsubscribe-ask", UnsubscribePage(page, UnsubscribeView{Token: "tok", What: "the weekly review"})},
		{"unsubscribe-done", UnsubscribePage(page, UnsubscribeView{Token: "tok", What: "the weekly review", Done: true})},
		{"unsubscribe-refused", UnsubscribePage(page, UnsubscribeView{Token: "tok", Refused: "This link is too old."})},
		{"signup-sent", SignupSentPage(anon)},
		{"signup-finish", SignupFinishPage(Page{Title: "Finish creating your account"}, Form{Errors: map[string]string{"password": "Use at least 10 characters."}}, "ann@example.com", "tok", zones)},
		{"signup-refused", SignupLinkRefusedPage(Page{Title: "Sign-up link refused"}, "This link has expired.")},
		{"offline", OfflinePage(Page{Title: "Offline"})},
		{"error-404", ErrorPage(Page{Title: "Not Found"}, ErrorView{Status: 404, Message: "There is nothing here.", RequestID: "r1"})},
		{"error-500", ErrorPage(page, ErrorView{Status: 500, Message: "Something went wrong.", RequestID: "r2"})},
		{"diskfull", DiskFullPage(page, "The disk is full.", []TypedField{{Name: "summary", Value: "Talked"}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := tt.c.Render(context.Background(), &b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "settings-"+tt.name+".html", b.String())
		})
	}
}

// named is p under another title, as a handler names its page.
func named(p Page, title string) Page {
	p.Title = title
	return p
}
