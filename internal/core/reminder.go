package core

import (
	"context"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// Now is the clock the store and the reminder runner share.
func (c *Core) Now() time.Time { return c.db.Now() }

// DueReminderSources returns the schedules and notification settings
// with a reminder due at now.
func (c *Core) DueReminderSources(ctx context.Context, now time.Time) ([]*journal.ReminderSource, error) {
	return c.db.DueReminderSources(ctx, now)
}

// ClaimFirings claims the firings of src for this pass, in one
// transaction, and moves src on to next; it returns the claims this pass
// won, each with the Message-ID messageID gives it.
func (c *Core) ClaimFirings(ctx context.Context, src *journal.ReminderSource, firings []journal.Firing, next time.Time, messageID func(journal.Firing) string) ([]journal.Claim, error) {
	return c.db.ClaimFirings(ctx, src, firings, next, messageID)
}

// RetryableClaims returns the failed reminders whose backoff is over at now.
func (c *Core) RetryableClaims(ctx context.Context, now time.Time) ([]journal.Claim, error) {
	return c.db.RetryableClaims(ctx, now)
}

// RetakeClaim takes a failed claim for another attempt; false when
// another pass took it first.
func (c *Core) RetakeClaim(ctx context.Context, cl *journal.Claim) (bool, error) {
	return c.db.RetakeClaim(ctx, cl)
}

// SettleClaim records how a claimed reminder's attempt ended.
func (c *Core) SettleClaim(ctx context.Context, cl journal.Claim) error {
	return c.db.SettleClaim(ctx, cl)
}

// ReminderMail is what the mail of a claimed reminder is written from.
type ReminderMail struct {
	// Skip is set when the reminder has nothing to say: the account or
	// the schedule is gone, the boss is archived, the entry after the 1:1
	// is written already, or no follow-up is due for a digest.
	Skip bool

	User     *journal.User
	Epoch    int64  // the user's reminder epoch, for the unsubscribe link
	Today    string // in the user's zone
	Schedule *journal.Schedule
	Week     *journal.WeekSummary // of a weekly review
	// FollowUps are the open follow-ups due by the period's end, at most
	// the limit asked for, for a weekly review or a digest.
	FollowUps []*journal.FollowUp
}

// ReminderMail reads, in one snapshot, what the mail of claim cl says at
// now, listing at most maxFollowUps follow-ups.
func (c *Core) ReminderMail(ctx context.Context, cl journal.Claim, now time.Time, maxFollowUps int) (ReminderMail, error) {
	var m ReminderMail
	err := c.db.View(ctx, func(v *sqlite.DB) error {
		var err error
		m.User, err = v.FindUserByID(ctx, cl.UserID)
		if journal.ErrorCode(err) == journal.ENOTFOUND {
			m.Skip = true // the account was deleted after the claim
			return nil
		}
		if err != nil {
			return err
		}
		m.Today = journal.Today(now, m.User.Location())
		if err := c.reminderContent(ctx, v, cl, &m, maxFollowUps); err != nil || m.Skip {
			return err
		}
		m.Epoch, err = v.ReminderEpoch(ctx, m.User.ID)
		return err
	})
	return m, err
}

// reminderContent reads the part of a reminder's mail its kind needs.
func (c *Core) reminderContent(ctx context.Context, v *sqlite.DB, cl journal.Claim, m *ReminderMail, maxFollowUps int) error {
	u := m.User
	switch cl.Kind {
	case journal.KindAfterMeeting:
		schedID, date, _ := strings.Cut(cl.Period, "/")
		s, err := v.FindScheduleByPublicID(ctx, u.ID, schedID)
		if journal.ErrorCode(err) == journal.ENOTFOUND {
			m.Skip = true // the schedule is gone: nothing to remind of
			return nil
		}
		if err != nil {
			return err
		}
		boss, err := v.FindBoss(ctx, u.ID, s.BossID)
		if err != nil {
			return err
		}
		// Archived bosses are gone from the entry form the mail opens.
		done, err := v.HasEntryWithBoss(ctx, u.ID, s.BossID, date)
		m.Schedule, m.Skip = s, boss.Archived || done
		return err
	case journal.KindWeeklyReview:
		w, err := journal.ParseWeek(cl.Period)
		if err != nil {
			return err
		}
		if m.Week, err = v.WeekSummary(ctx, u.ID, w, m.Today); err != nil {
			return err
		}
		m.FollowUps, err = v.FindOpenFollowUpsWithDueDate(ctx, u.ID, w.End, maxFollowUps)
		return err
	case journal.KindFollowUpsDigest:
		var err error
		m.FollowUps, err = v.FindOpenFollowUpsWithDueDate(ctx, u.ID, cl.Period, maxFollowUps)
		m.Skip = len(m.FollowUps) == 0
		return err
	default:
		return journal.Errorf(journal.EINTERNAL, "unknown reminder kind %q", cl.Kind)
	}
}
