package remind

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/mailer"
	"github.com/leadup/leadup/internal/sqlite"
)

// clock is the one clock of a test: the store and the runner both read it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

type fixture struct {
	t     *testing.T
	path  string
	db    *sqlite.DB
	clock *clock
	relay *relay
	run   *Runner
	base  string
}

func newFixture(t *testing.T, starttls bool, base string) *fixture {
	t.Helper()
	f := &fixture{t: t, path: filepath.Join(t.TempDir(), "leadup.db"), clock: &clock{t: mustTime("2026-11-23T00:00:00Z")}, base: base}
	f.db = f.open()
	f.relay = startRelay(t, starttls)
	f.run = f.runner(f.db)
	return f
}

// open opens the database file again, as a second process would.
func (f *fixture) open() *sqlite.DB {
	f.t.Helper()
	db, err := sqlite.Open(context.Background(), f.path)
	if err != nil {
		f.t.Fatal(err)
	}
	db.Now = f.clock.Now
	f.t.Cleanup(func() { db.Close() })
	return db
}

func (f *fixture) runner(db *sqlite.DB) *Runner {
	f.t.Helper()
	r, err := New(core.New(db), mailer.New(f.relay.mailConfig()), f.base, i18n.MustLoad("en"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		f.t.Fatal(err)
	}
	return r
}

func (f *fixture) user(email, zone string) *journal.User {
	f.t.Helper()
	u, err := f.db.CreateUser(context.Background(), journal.Signup{Email: email, DisplayName: "Robin", TimeZone: zone}, "x")
	if err != nil {
		f.t.Fatal(err)
	}
	return u
}

func (f *fixture) boss(u *journal.User, name string) *journal.Boss {
	f.t.Helper()
	b, err := f.db.CreateBoss(context.Background(), u.ID, journal.BossInput{Name: name, Relation: "manager"})
	if err != nil {
		f.t.Fatal(err)
	}
	return b
}

func (f *fixture) schedule(u *journal.User, b *journal.Boss, in journal.ScheduleInput) {
	f.t.Helper()
	s, err := in.Validate()
	if err != nil {
		f.t.Fatal(err)
	}
	if err := f.db.SaveSchedule(context.Background(), u.ID, b.ID, s); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) settings(u *journal.User, n journal.NotificationSettings) {
	f.t.Helper()
	if err := f.db.SaveNotificationSettings(context.Background(), u.ID, n); err != nil {
		f.t.Fatal(err)
	}
}

// mondayUser gives a Berlin user a boss with a 30-minute Monday 10:00 1:1.
func (f *fixture) mondayUser(email string) (*journal.User, *journal.Boss) {
	f.t.Helper()
	u := f.user(email, "Europe/Berlin")
	b := f.boss(u, "Ana")
	f.schedule(u, b, monday10)
	return u, b
}

// mondayMeetings gives n users that 1:1 on the Friday before, then sets
// the clock to when the first one ends: 09:30 UTC (10:30 in Berlin).
func (f *fixture) mondayMeetings(n int) {
	f.t.Helper()
	f.clock.Set(mustTime("2026-11-20T00:00:00Z"))
	for i := range n {
		f.mondayUser("u" + itoaTest(int64(i)) + "@example.com")
	}
	f.clock.Set(mustTime("2026-11-23T09:30:00Z"))
}

// passAt moves the clock and runs one pass.
func (f *fixture) passAt(at string) Stats {
	f.t.Helper()
	f.clock.Set(mustTime(at))
	st, err := f.run.Pass(context.Background(), f.clock.Now())
	if err != nil {
		f.t.Fatal(err)
	}
	return st
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

var monday10 = journal.ScheduleInput{Weekdays: []string{"1"}, Time: "10:00", DurationMin: "30", EveryWeeks: "1", StartsOn: "2026-11-23", Remind: true}

func TestAfterMeetingMailOverSMTP(t *testing.T) {
	for _, tc := range []struct {
		name     string
		starttls bool
		base     string
		oneClick bool
	}{
		{"plain", false, "http://leadup.test/journal", false},
		{"starttls", true, "https://example.com/leadup/", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, tc.starttls, tc.base)
			u := f.user("robin@example.com", "Europe/Berlin")
			b := f.boss(u, "Ana")
			f.schedule(u, b, monday10)
			// 10:30 in Berlin on Monday 23 November is 09:30 UTC.
			if st := f.passAt("2026-11-23T09:29:00Z"); st.Sent != 0 {
				t.Fatalf("sent %d before the meeting ended", st.Sent)
			}
			if st := f.passAt("2026-11-23T09:30:00Z"); st.Sent != 1 {
				t.Fatalf("sent %d when the meeting ended, want 1", st.Sent)
			}
			msgs := f.relay.messages()
			if len(msgs) != 1 {
				t.Fatalf("relay got %d messages, want 1", len(msgs))
			}
			m := msgs[0]
			base := strings.TrimSuffix(tc.base, "/")
			if len(m.To) != 1 || m.To[0] != "robin@example.com" {
				t.Errorf("recipient %v, want robin@example.com", m.To)
			}
			if got := m.Subject; !strings.Contains(got, "1:1 with Ana") {
				t.Errorf("subject %q", got)
			}
			link := base + "/entries/new?boss_id=" + itoaTest(b.ID)
			contains(t, "text part", m.Text, "Hello Robin", "Your 1:1 with Ana has just ended.", link, base+"/unsubscribe/")
			contains(t, "HTML part", m.HTML, `href="`+strings.ReplaceAll(link, "?", "?"), "Write the entry", base+"/unsubscribe/")
			unsub := m.Header.Get("List-Unsubscribe")
			if !strings.HasPrefix(unsub, "<"+base+"/unsubscribe/"+u.PublicID+".after_meeting.") {
				t.Errorf("List-Unsubscribe %q", unsub)
			}
			if got := m.Header.Get("List-Unsubscribe-Post"); (got == "List-Unsubscribe=One-Click") != tc.oneClick {
				t.Errorf("List-Unsubscribe-Post %q with base %s", got, tc.base)
			}
			if m.Header.Get("Message-ID") == "" || m.Header.Get("Date") == "" {
				t.Errorf("Message-ID %q, Date %q", m.Header.Get("Message-ID"), m.Header.Get("Date"))
			}
			if tc.starttls && (!m.TLS || m.Authed != "leadup") {
				t.Errorf("TLS %v, signed in as %q: want both", m.TLS, m.Authed)
			}
			if f.passAt("2026-11-23T09:31:00Z").Sent != 0 || len(f.relay.messages()) != 1 {
				t.Error("the next pass sent the reminder again")
			}
			if tc.name == "starttls" {
				t.Logf("text part:\n%s", m.Text)
			}
		})
	}
}

// TestEachKindFiresOnItsMinute walks the clock minute by minute around each
// reminder and counts what the relay received.
func TestEachKindFiresOnItsMinute(t *testing.T) {
	tests := []struct {
		name  string
		zone  string
		setup func(f *fixture, u *journal.User)
		due   string // UTC
	}{
		{"after 1:1 in Berlin before DST ends", "Europe/Berlin", func(f *fixture, u *journal.User) {
			f.schedule(u, f.boss(u, "Ana"), journal.ScheduleInput{Weekdays: []string{"1"}, Time: "10:00", DurationMin: "30", EveryWeeks: "1", StartsOn: "2026-10-19", Remind: true})
		}, "2026-10-19T08:30:00Z"},
		{"after 1:1 in Berlin after DST ends", "Europe/Berlin", func(f *fixture, u *journal.User) {
			f.schedule(u, f.boss(u, "Ana"), journal.ScheduleInput{Weekdays: []string{"1"}, Time: "10:00", DurationMin: "30", EveryWeeks: "1", StartsOn: "2026-10-19", Remind: true})
		}, "2026-10-26T09:30:00Z"},
		{"weekly review Friday 17:00 in Auckland", "Pacific/Auckland", func(f *fixture, u *journal.User) {
			f.settings(u, journal.NotificationSettings{WeeklyReview: true, WeeklyDay: 5, WeeklyTime: "17:00", DigestTime: "08:00"})
		}, "2026-11-27T04:00:00Z"},
		{"digest 08:00 in New York", "America/New_York", func(f *fixture, u *journal.User) {
			f.settings(u, journal.NotificationSettings{FollowUpsDigest: true, WeeklyDay: 5, WeeklyTime: "17:00", DigestTime: "08:00"})
			b := f.boss(u, "Lee")
			e, err := f.db.CreateEntry(context.Background(), u.ID, journal.EntryInput{BossID: b.ID, OccurredOn: "2026-10-20", Kind: "email", Summary: "Plan", Practices: []string{"results"}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.db.CreateFollowUp(context.Background(), u.ID, e.ID, journal.FollowUpInput{Text: "Send the plan", Owner: "me", DueOn: "2026-10-27"}); err != nil {
				t.Fatal(err)
			}
		}, "2026-10-27T12:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, false, "http://leadup.test")
			due := mustTime(tt.due)
			f.clock.Set(due.Add(-3 * 24 * time.Hour))
			u := f.user("robin@example.com", tt.zone)
			tt.setup(f, u)
			for m := -2; m <= 2; m++ {
				at := due.Add(time.Duration(m) * time.Minute)
				f.passAt(at.Format(time.RFC3339))
				want := 0
				if m >= 0 {
					want = 1
				}
				if got := len(f.relay.messages()); got != want {
					t.Fatalf("at %s (%+d min) the relay has %d messages, want %d", at.Format(time.RFC3339), m, got, want)
				}
			}
		})
	}
}

func TestConcurrentPassesSendOnce(t *testing.T) {
	f := newFixture(t, false, "http://leadup.test")
	f.mondayMeetings(20)
	// Two runners on two connections to the file, as two processes.
	runners := []*Runner{f.run, f.runner(f.open())}
	var wg sync.WaitGroup
	errs := make([]error, len(runners))
	for i, r := range runners {
		wg.Go(func() { _, errs[i] = r.Pass(context.Background(), f.clock.Now()) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if got := len(f.relay.messages()); got != 20 {
		t.Errorf("relay got %d messages from two concurrent passes, want 20", got)
	}
}

// stopAfter hands n messages to the relay, then cancels the pass, the way
// a process killed mid-pass stops.
type stopAfter struct {
	next   Sender
	n      int
	cancel context.CancelFunc
}

func (s *stopAfter) Send(ctx context.Context, m mailer.Message) error {
	if s.n == 0 {
		s.cancel()
		return ctx.Err()
	}
	s.n--
	return s.next.Send(ctx, m)
}

func TestRestartMidPassSendsOnce(t *testing.T) {
	f := newFixture(t, false, "http://leadup.test")
	f.mondayMeetings(5)
	ctx, cancel := context.WithCancel(context.Background())
	dying := f.runner(f.db)
	dying.send = &stopAfter{next: dying.send, n: 2, cancel: cancel}
	if _, err := dying.Pass(ctx, f.clock.Now()); !errors.Is(err, context.Canceled) {
		t.Fatalf("dying pass: %v, want it cancelled", err)
	}
	if got := len(f.relay.messages()); got != 2 {
		t.Fatalf("before the restart the relay has %d, want 2", got)
	}
	// The restarted process opens the file again and runs every minute.
	restarted := f.runner(f.open())
	for m := 1; m <= 10; m++ {
		f.clock.Set(mustTime("2026-11-23T09:30:00Z").Add(time.Duration(m) * time.Minute))
		if _, err := restarted.Pass(context.Background(), f.clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	msgs := f.relay.messages()
	seen := map[string]int{}
	for _, m := range msgs {
		seen[m.To[0]]++
	}
	if len(msgs) != 5 || len(seen) != 5 {
		t.Errorf("after the restart: %d messages to %d people (%v), want 5 to 5", len(msgs), len(seen), seen)
	}
}

func TestDowntimeCatchUp(t *testing.T) {
	for _, tc := range []struct {
		name string
		back string // when the server runs again
		want int
	}{
		{"3 hours down catches up once", "2026-11-23T12:30:00Z", 1},
		{"13 hours down sends nothing stale", "2026-11-23T22:30:00Z", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, false, "http://leadup.test")
			f.clock.Set(mustTime("2026-11-20T00:00:00Z"))
			f.mondayUser("robin@example.com")
			f.passAt("2026-11-23T09:00:00Z") // the last pass before the server went down
			f.passAt(tc.back)
			f.passAt(mustTime(tc.back).Add(time.Minute).Format(time.RFC3339))
			if got := len(f.relay.messages()); got != tc.want {
				t.Errorf("relay got %d, want %d", got, tc.want)
			}
			// Next week's meeting still reminds: the schedule moved on.
			f.passAt("2026-11-30T09:30:00Z")
			if got := len(f.relay.messages()); got != tc.want+1 {
				t.Errorf("after next week's 1:1 the relay has %d, want %d", got, tc.want+1)
			}
		})
	}
}

func TestSMTPFailureRetriesThenGivesUp(t *testing.T) {
	f := newFixture(t, false, "http://leadup.test")
	f.clock.Set(mustTime("2026-11-20T00:00:00Z"))
	u, _ := f.mondayUser("robin@example.com")
	f.relay.setFail(errors.New("mailbox busy"))
	at := mustTime("2026-11-23T09:30:00Z")
	f.passAt(at.Format(time.RFC3339))
	period := journal.MeetingPeriod(mustSchedule(t, f, u).PublicID, "2026-11-23")
	c, err := f.db.FindClaim(context.Background(), u.ID, journal.KindAfterMeeting, period)
	if err != nil {
		t.Fatal(err)
	}
	if c.State != journal.ClaimFailed || c.Attempts != 1 || c.RetryAt.IsZero() {
		t.Fatalf("after one failure: %+v", c)
	}
	// The claim's error is what the settings page shows: plain words and
	// the reply code, not the relay's host, port or words.
	if want := "The mail server could not take the message for now (reply 451)."; c.LastError != want {
		t.Errorf("claim error %q, want %q", c.LastError, want)
	}
	firstID := c.MessageID
	// Pass every minute for two hours: the backoff spaces the attempts out.
	for m := 1; m <= 120; m++ {
		f.passAt(at.Add(time.Duration(m) * time.Minute).Format(time.RFC3339))
	}
	c, _ = f.db.FindClaim(context.Background(), u.ID, journal.KindAfterMeeting, period)
	if c.State != journal.ClaimFailed || c.Attempts != journal.MaxSendAttempts || !c.RetryAt.IsZero() || c.MessageID != firstID {
		t.Fatalf("after giving up: %+v", c)
	}
	failed, err := f.db.FindFailedReminders(context.Background(), u.ID)
	if err != nil || len(failed) != 1 {
		t.Fatalf("failed reminders: %v %v", failed, err)
	}
	if len(f.relay.messages()) != 0 {
		t.Error("the relay accepted a message it refused")
	}
}

func TestRetryReusesMessageID(t *testing.T) {
	f := newFixture(t, false, "http://leadup.test")
	f.clock.Set(mustTime("2026-11-20T00:00:00Z"))
	u, _ := f.mondayUser("robin@example.com")
	f.relay.setFail(errors.New("try later"))
	f.passAt("2026-11-23T09:30:00Z")
	f.relay.setFail(nil)
	f.passAt("2026-11-23T09:31:00Z")
	msgs := f.relay.messages()
	if len(msgs) != 1 {
		t.Fatalf("relay got %d after the retry, want 1", len(msgs))
	}
	period := journal.MeetingPeriod(mustSchedule(t, f, u).PublicID, "2026-11-23")
	c, _ := f.db.FindClaim(context.Background(), u.ID, journal.KindAfterMeeting, period)
	if c.State != journal.ClaimSent || msgs[0].Header.Get("Message-ID") != "<"+c.MessageID+">" {
		t.Errorf("claim %+v, message id %q", c, msgs[0].Header.Get("Message-ID"))
	}
}

func TestAfterMeetingSkippedWhenEntryWritten(t *testing.T) {
	f := newFixture(t, false, "http://leadup.test")
	f.clock.Set(mustTime("2026-11-23T08:00:00Z"))
	u, b := f.mondayUser("robin@example.com")
	if _, err := f.db.CreateEntry(context.Background(), u.ID, journal.EntryInput{BossID: b.ID, OccurredOn: "2026-11-23", Kind: "one_on_one", Summary: "Early notes", Practices: []string{"results"}}); err != nil {
		t.Fatal(err)
	}
	if st := f.passAt("2026-11-23T09:30:00Z"); st.Skipped != 1 || len(f.relay.messages()) != 0 {
		t.Errorf("stats %+v, relay %d: want one skipped, none sent", st, len(f.relay.messages()))
	}
}

func mustSchedule(t *testing.T, f *fixture, u *journal.User) *journal.Schedule {
	t.Helper()
	list, err := f.db.FindSchedules(context.Background(), u.ID)
	if err != nil || len(list) == 0 {
		t.Fatalf("schedules: %v %v", list, err)
	}
	return list[0]
}

func TestWeeklyReviewAndDigestContent(t *testing.T) {
	f := newFixture(t, false, "https://example.com/leadup/")
	f.clock.Set(mustTime("2026-11-23T08:00:00Z"))
	u := f.user("robin@example.com", "Europe/Berlin")
	b := f.boss(u, "Ana")
	ctx := context.Background()
	e, err := f.db.CreateEntry(ctx, u.ID, journal.EntryInput{BossID: b.ID, OccurredOn: "2026-11-23", Kind: "one_on_one", Summary: "Budget", Practices: []string{"results", "solutions"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []journal.FollowUpInput{
		{Text: "Send the budget", Owner: "me", DueOn: "2026-11-20"},
		{Text: "Approve the hire", Owner: "boss", DueOn: "2026-11-29"},
	} {
		if _, err := f.db.CreateFollowUp(ctx, u.ID, e.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	f.settings(u, journal.NotificationSettings{WeeklyReview: true, WeeklyDay: 5, WeeklyTime: "16:00", FollowUpsDigest: true, DigestTime: "07:00"})

	// Tuesday 07:00: the overdue one makes a digest.
	f.passAt("2026-11-24T06:00:00Z")
	msgs := f.relay.messages()
	if len(msgs) != 1 {
		t.Fatalf("relay got %d after the digest minute, want 1", len(msgs))
	}
	d := msgs[0]
	if got := d.Subject; got != "1 follow-up due or overdue" {
		t.Errorf("digest subject %q", got)
	}
	contains(t, "digest", d.Text, "You owe Ana: Send the budget (overdue since Fri 20 Nov 2026)", "https://example.com/leadup/followups")

	// Friday 16:00 Berlin is 15:00 UTC.
	f.passAt("2026-11-27T15:00:00Z")
	msgs = f.relay.messages()
	var weekly *received
	for i := range msgs {
		if msgs[i].Subject == "Your week in leading up: 23–29 Nov 2026" {
			weekly = &msgs[i]
		}
	}
	if weekly == nil {
		t.Fatalf("no weekly review among %d messages", len(msgs))
	}
	contains(t, "weekly review", weekly.Text,
		"This week you logged 1 entry.", "Deliver results: 1", "Be the solution seeker: 1", "Develop your team: 0",
		"Nothing for Develop your team this week. Try next week: Hand one task",
		"You owe Ana: Send the budget (overdue since Fri 20 Nov 2026)", "Ana owes you: Approve the hire (due Sun 29 Nov 2026)",
		"https://example.com/leadup/weeks/2026-W48", "https://example.com/leadup/unsubscribe/"+u.PublicID+".weekly_review.")
	contains(t, "weekly review HTML", weekly.HTML, `<a href="https://example.com/leadup/weeks/2026-W48">`, "<li>Deliver results: 1</li>")
}

func TestDigestSkippedWhenNothingDue(t *testing.T) {
	f := newFixture(t, false, "http://leadup.test")
	f.clock.Set(mustTime("2026-11-23T00:00:00Z"))
	u := f.user("robin@example.com", "Europe/Berlin")
	f.settings(u, journal.NotificationSettings{FollowUpsDigest: true, WeeklyDay: 5, WeeklyTime: "16:00", DigestTime: "07:00"})
	if st := f.passAt("2026-11-23T06:00:00Z"); st.Skipped != 1 || st.Sent != 0 || len(f.relay.messages()) != 0 {
		t.Errorf("pass %+v, relay %d: want the digest skipped", st, len(f.relay.messages()))
	}
}

func TestAfterMeetingSkippedForArchivedBoss(t *testing.T) {
	f := newFixture(t, false, "http://leadup.test")
	f.clock.Set(mustTime("2026-11-23T08:00:00Z"))
	u, b := f.mondayUser("robin@example.com")
	if err := f.db.SetBossArchived(context.Background(), u.ID, b.ID, true); err != nil {
		t.Fatal(err)
	}
	if st := f.passAt("2026-11-23T09:30:00Z"); st.Skipped != 1 || len(f.relay.messages()) != 0 {
		t.Errorf("stats %+v, relay %d: want the archived boss's reminder skipped", st, len(f.relay.messages()))
	}
}

// TestRetryObeysCatchUpGrace: a reminder the relay refused is retried only
// while it is at most journal.CatchUpGrace late, like one missed during
// downtime; after that it is given up, not sent a week late.
func TestRetryObeysCatchUpGrace(t *testing.T) {
	for _, tc := range []struct {
		name string
		back string // the first pass after the failure, the relay working again
		want int
	}{
		{"11 hours late is retried", "2026-11-23T20:30:00Z", 1},
		{"12 hours and a minute late is dropped", "2026-11-23T21:31:00Z", 0},
		{"a week late is dropped", "2026-11-30T09:00:00Z", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, false, "http://leadup.test")
			f.clock.Set(mustTime("2026-11-20T00:00:00Z"))
			u, _ := f.mondayUser("robin@example.com")
			f.relay.setFail(errors.New("mailbox busy"))
			f.passAt("2026-11-23T09:30:00Z")
			period := journal.MeetingPeriod(mustSchedule(t, f, u).PublicID, "2026-11-23")
			failed, err := f.db.FindClaim(context.Background(), u.ID, journal.KindAfterMeeting, period)
			if err != nil || failed.LastError == "" {
				t.Fatalf("after the refusal: %+v %v", failed, err)
			}
			f.relay.setFail(nil) // the server was down meanwhile
			f.passAt(tc.back)
			if got := len(f.relay.messages()); got != tc.want {
				t.Fatalf("relay got %d, want %d", got, tc.want)
			}
			c, err := f.db.FindClaim(context.Background(), u.ID, journal.KindAfterMeeting, period)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == 0 && (c.State != journal.ClaimFailed || !c.RetryAt.IsZero() || c.LastError != failed.LastError) {
				t.Errorf("a stale retry left the claim %+v; want it failed for good with the relay's error %q", c, failed.LastError)
			}
		})
	}
}
