package sqlite

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

func TestFollowUps(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	e, _ := f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, "2026-11-20", "responsibility"))
	mk := func(text, owner, due string) *journal.FollowUp {
		fu, err := f.db.CreateFollowUp(ctx, f.ann.ID, e.ID, journal.FollowUpInput{Text: text, Owner: owner, DueOn: due})
		if err != nil {
			t.Fatal(err)
		}
		return fu
	}
	late := mk("late", "me", "2026-11-10")
	mk("no date", "boss", "")
	soon := mk("soon", "boss", "2026-12-01")
	open, err := f.db.FindOpenFollowUps(ctx, f.ann.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range open {
		got = append(got, o.Text)
	}
	if want := []string{"late", "soon", "no date"}; !reflect.DeepEqual(got, want) {
		t.Errorf("open order %v, want %v", got, want)
	}
	at := time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)
	done, err := f.db.SetFollowUpDone(ctx, f.ann.ID, soon.ID, journal.DoneAt(at, "2026-11-27"))
	if err != nil || done.DoneAt == nil || !done.DoneAt.Equal(at) || done.DoneOn != "2026-11-27" {
		t.Fatalf("done: %+v %v", done, err)
	}
	if done.State != journal.PromiseOnTime {
		t.Error("done before the due date should count as on time")
	}
	// Marking done again keeps the first time.
	again, _ := f.db.SetFollowUpDone(ctx, f.ann.ID, soon.ID, journal.DoneAt(at.Add(48*time.Hour), "2026-11-29"))
	if again.DoneOn != "2026-11-27" {
		t.Errorf("second done moved the date to %s", again.DoneOn)
	}
	reopened, _ := f.db.SetFollowUpDone(ctx, f.ann.ID, soon.ID, journal.Reopened())
	if reopened.DoneAt != nil || reopened.DoneOn != "" {
		t.Errorf("reopened %+v", reopened)
	}
	if _, err := f.db.SetFollowUpDone(ctx, f.bob.ID, late.ID, journal.DoneAt(at, "2026-11-27")); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob marks ann's follow-up: %v", err)
	}
	whole, err := f.db.FindEntry(ctx, f.ann.ID, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	list := whole.FollowUps
	if len(list) != 3 || list[0].BossName != "Dana" || list[0].EntrySummary == "" {
		t.Errorf("entry follow-ups %d: %+v", len(list), list)
	}
	if _, err := f.db.FindEntry(ctx, f.bob.ID, e.ID); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob reads ann's entry and its follow-ups: %v", err)
	}
}
