package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestRemindersExportImportAndDelete carries schedules and reminder
// settings through an export into another account, never the feed token,
// and checks that deleting an account removes them.
func TestRemindersExportImportAndDelete(t *testing.T) {
	app, c := newAnnApp(t)
	c.scheduledBoss()
	if err := app.db.SaveNotificationSettings(t.Context(), app.user("ann@example.com").ID, mustSettings(t)); err != nil {
		t.Fatal(err)
	}
	feed := c.feedPath()
	token := strings.TrimSuffix(strings.TrimPrefix(feed, "/cal/"), ".ics")

	body, f := exported(t, c)
	if strings.Contains(body, token) {
		t.Fatal("the export holds the calendar feed token")
	}
	if len(f.Schedules) != 1 || f.Schedules[0].BossID != f.Bosses[0].ID || f.Schedules[0].EveryWeeks != 2 || len(f.Schedules[0].Weekdays) != 2 {
		t.Fatalf("schedules %+v", f.Schedules)
	}
	if n := f.Notifications; n == nil || !n.WeeklyReview || n.WeeklyTime != "17:00" {
		t.Fatalf("notifications %+v", n)
	}

	other := app.signedUp("bob@example.com")
	wantStatus(t, other.upload([]byte(body)), http.StatusSeeOther)
	bob := app.user("bob@example.com")
	list, err := app.db.FindSchedules(t.Context(), bob.ID)
	if err != nil || len(list) != 1 || list[0].BossName != "Ana" || !list[0].Remind || list[0].StartsOn != "2026-11-23" {
		t.Fatalf("imported schedules %+v, %v", list, err)
	}
	n, _ := app.db.FindNotificationSettings(t.Context(), bob.ID)
	if !n.WeeklyReview || n.WeeklyDay != 5 {
		t.Errorf("imported settings %+v", n)
	}
	if has, _ := app.db.HasCalendarFeed(t.Context(), bob.ID); has {
		t.Error("the import made a calendar feed")
	}
	// Importing the same file again changes nothing.
	wantStatus(t, other.upload([]byte(body)), http.StatusSeeOther)
	if n := app.count("schedules"); n != 2 {
		t.Errorf("schedules after a second import: %d, want 2", n)
	}
	// A bad schedule is refused with its place, and nothing is written.
	bad := strings.Replace(body, `"every_weeks":2`, `"every_weeks":3`, 1)
	wantImportRefused(t, app, other, []byte(bad), "schedules[0].every_weeks")

	wantStatus(t, c.post("/settings", url.Values{"action": {"delete"}, "password": {"correct horse battery"}}), http.StatusSeeOther)
	if n := app.count("schedules"); n != 1 {
		t.Errorf("schedules after deleting one account: %d, want 1 (bob's)", n)
	}
	if n := app.count("notification_settings"); n != 1 {
		t.Errorf("settings after deleting one account: %d, want 1", n)
	}
	if n := app.count("calendar_feeds"); n != 0 {
		t.Errorf("calendar feeds after deleting the account: %d, want 0", n)
	}
	wantStatus(t, app.client().get(feed), http.StatusNotFound)
}

// TestExportWithoutSavedSettings: an account that never saved its
// reminder settings exports none, so importing its file elsewhere leaves
// that account's settings as they are.
func TestExportWithoutSavedSettings(t *testing.T) {
	app, c := newAnnApp(t)
	body := c.get("/export.json").body
	if strings.Contains(body, `"notifications"`) {
		t.Fatalf("an export of unsaved settings holds notifications:\n%s", body)
	}
	validateExport(t, body)
	other := app.signedUp("bob@example.com")
	bob := app.user("bob@example.com")
	if err := app.db.SaveNotificationSettings(t.Context(), bob.ID, mustSettings(t)); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, other.upload([]byte(body)), http.StatusSeeOther)
	if n, _ := app.db.FindNotificationSettings(t.Context(), bob.ID); !n.WeeklyReview {
		t.Error("importing a file without settings turned the weekly review off")
	}
}
