package core

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// coreFixture is a core over a fresh SQLite file with two users, ann and
// bob, each with a boss.
type coreFixture struct {
	core             *Core
	db               *sqlite.DB
	ann, bob         *journal.User
	annBoss, bobBoss *journal.Boss
}

func newCoreFixture(t *testing.T) *coreFixture {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &coreFixture{core: New(db), db: db}
	for _, u := range []struct {
		user  **journal.User
		boss  **journal.Boss
		email string
		name  string
	}{{&f.ann, &f.annBoss, "ann@example.com", "Dana"}, {&f.bob, &f.bobBoss, "bob@example.com", "Eve"}} {
		su := journal.Signup{Email: u.email, Password: "irrelevant", DisplayName: "Someone", TimeZone: "Europe/Berlin"}
		if *u.user, err = db.CreateUser(ctx, su, "h"); err != nil {
			t.Fatal(err)
		}
		if *u.boss, err = db.CreateBoss(ctx, (*u.user).ID, journal.BossInput{Name: u.name, Relation: "manager"}); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// The settings page and the feed each see their owner's data only: ann's
// feed lists her schedule and dated follow-up, never bob's.
func TestNotificationsPageAndCalendarFeed(t *testing.T) {
	f := newCoreFixture(t)
	ctx := context.Background()
	weekly, err := journal.ScheduleInput{Weekdays: []string{"1"}, Time: "10:00", DurationMin: "30", EveryWeeks: "1", StartsOn: "2026-11-23", Remind: true}.Validate()
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct {
		user  *journal.User
		boss  *journal.Boss
		token string
		text  string
	}{{f.ann, f.annBoss, "ann-token", "Send Dana the plan"}, {f.bob, f.bobBoss, "bob-token", "Send Eve the budget"}} {
		if err := f.db.SaveSchedule(ctx, u.user.ID, u.boss.ID, weekly); err != nil {
			t.Fatal(err)
		}
		if err := f.core.MakeCalendarFeed(ctx, u.user.ID, u.token); err != nil {
			t.Fatal(err)
		}
		e, err := f.db.CreateEntry(ctx, u.user.ID, journal.EntryInput{BossID: u.boss.ID, OccurredOn: "2026-11-23", Kind: "one_on_one", Summary: "Talked", Practices: []string{"results"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.CreateFollowUp(ctx, u.user.ID, e.ID, journal.FollowUpInput{Text: u.text, Owner: "me", DueOn: "2026-11-30"}); err != nil {
			t.Fatal(err)
		}
	}

	feed, err := f.core.CalendarFeed(ctx, "ann-token")
	if err != nil {
		t.Fatal(err)
	}
	if feed.User.ID != f.ann.ID || len(feed.Schedules) != 1 || feed.Schedules[0].BossID != f.annBoss.ID {
		t.Errorf("ann's feed: user %d, schedules %+v; want user %d with the schedule with boss %d", feed.User.ID, feed.Schedules, f.ann.ID, f.annBoss.ID)
	}
	if len(feed.FollowUps) != 1 || feed.FollowUps[0].Text != "Send Dana the plan" {
		t.Errorf("ann's feed follow-ups: %+v, want only hers", feed.FollowUps)
	}
	if _, err := f.core.CalendarFeed(ctx, "no-such-token"); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("unknown token: %v, want not found", err)
	}

	page, err := f.core.NotificationsPage(ctx, f.ann.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !page.HasFeed || len(page.Schedules) != 1 || page.Schedules[0].BossID != f.annBoss.ID {
		t.Errorf("ann's page: feed %v, schedules %+v; want her feed and one schedule", page.HasFeed, page.Schedules)
	}
	if err := f.core.DeleteCalendarFeed(ctx, f.ann.ID); err != nil {
		t.Fatal(err)
	}
	if page, err = f.core.NotificationsPage(ctx, f.ann.ID); err != nil || page.HasFeed {
		t.Errorf("after deleting her feed: %+v, %v; want no feed", page, err)
	}
}
