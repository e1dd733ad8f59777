package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// BenchmarkEntryWrites measures single-entry write transactions, each
// committed at synchronous=FULL: creating an entry (with its search row),
// editing its text (which replaces the search row) and deleting it. It is
// the figure for what secure_delete costs.
//
//	go test ./internal/sqlite -run '^$' -bench EntryWrites -benchtime 1000x
func BenchmarkEntryWrites(b *testing.B) {
	db, u, boss := annAndDana(b)
	ctx := context.Background()
	in := func(i int) journal.EntryInput {
		return journal.EntryInput{BossID: boss.ID, OccurredOn: "2026-11-02", Kind: "one_on_one",
			Summary: fmt.Sprintf("Weekly 1:1 number %d", i), Notes: strings.Repeat(fmt.Sprintf("notes word%d ", i), 40), Practices: []string{"results"}}
	}
	var ids []int64
	b.Run("create", func(b *testing.B) {
		i := 0
		for b.Loop() {
			e, err := db.CreateEntry(ctx, u.ID, in(i))
			if err != nil {
				b.Fatal(err)
			}
			ids = append(ids, e.ID)
			i++
		}
	})
	b.Run("edit", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if err := db.UpdateEntry(ctx, u.ID, ids[i%len(ids)], in(i+1_000_000)); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("delete", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if i >= len(ids) { // every entry is gone: make one, untimed
				b.StopTimer()
				e, err := db.CreateEntry(ctx, u.ID, in(i))
				if err != nil {
					b.Fatal(err)
				}
				ids = append(ids, e.ID)
				b.StartTimer()
			}
			if err := db.DeleteEntry(ctx, u.ID, ids[i]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// annAndDana is a fresh file with one user, Ann, and her boss Dana: where
// the write and search benchmarks start.
func annAndDana(tb testing.TB) (*DB, *journal.User, *journal.Boss) {
	tb.Helper()
	db := newTestDB(tb)
	ctx := context.Background()
	u, err := db.CreateUser(ctx, journal.Signup{Email: "ann@example.com", DisplayName: "Ann", TimeZone: "UTC"}, "h")
	if err != nil {
		tb.Fatal(err)
	}
	boss, err := db.CreateBoss(ctx, u.ID, journal.BossInput{Name: "Dana", Relation: "manager"})
	if err != nil {
		tb.Fatal(err)
	}
	return db, u, boss
}
