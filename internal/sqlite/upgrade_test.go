package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/leadup/leadup/internal/journal"
)

// upgradeFixture is a database file made by an earlier build of leadup: its
// migrations, taken from that commit, then one account with a boss, an
// entry, a follow-up and a session. The files live in testdata/upgrade and
// are made again with LEADUP_MAKE_FIXTURES=1 (which needs the git history).
type upgradeFixture struct {
	name   string
	commit string
	refuse bool // the file cannot be upgraded safely, and must not be touched
}

var upgradeFixtures = []upgradeFixture{
	// Landed releases (issues stops).
	{name: "release-schema3", commit: "a14699d"}, // the first release: 00001–00003
	{name: "release-schema13", commit: "b4f1cfd"},
	// Builds between out-of-order merges on main.
	{name: "between-schema7", commit: "35c0c43"},                    // 1–4, 7: lacks 5 and 6
	{name: "between-schema9", commit: "1b1dede"},                    // 1–4, 6, 7, 9: lacks 5 and 8
	{name: "between-schema13-no12", commit: "c753083"},              // 1–11, 13: lacks 12
	{name: "between-schema13-no8", commit: "632b83a", refuse: true}, // 00010 and 00013 before their rewrite on 00008
}

const (
	fixtureSessionToken = "a session that must survive the upgrade"
	fixtureSummary      = "Brought the outage fix with a plan"
)

// fixtureSeed holds columns every schema since 00002 has.
var fixtureSeed = []string{
	`INSERT INTO users (id, public_id, email, password_hash, display_name, timezone, created_at, updated_at)
	 VALUES (1, '0b6b7f0e-6a43-4c31-9d0e-1b2f5d7c9a10', 'ann@example.com', 'x', 'Ann', 'Europe/Berlin', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z')`,
	`INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, 1, 1793000000, 1793000000, 4102444800)`,
	`INSERT INTO bosses (id, public_id, user_id, name, relation, created_at, updated_at)
	 VALUES (1, 'b1b7f0e0-6a43-4c31-9d0e-1b2f5d7c9a11', 1, 'Dana', 'manager', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z')`,
	`INSERT INTO entries (id, public_id, user_id, boss_id, occurred_on, kind, summary, notes, created_at, updated_at)
	 VALUES (1, 'e1b7f0e0-6a43-4c31-9d0e-1b2f5d7c9a12', 1, 1, '2026-11-02', 'one_on_one', '` + fixtureSummary + `', 'Quarterly budget came up.', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z')`,
	`INSERT INTO entry_practices (entry_id, practice, user_id, boss_id, occurred_on) VALUES (1, 'solutions', 1, 1, '2026-11-02')`,
	`INSERT INTO followups (id, public_id, user_id, entry_id, text, owner, due_on, created_at)
	 VALUES (1, 'f1b7f0e0-6a43-4c31-9d0e-1b2f5d7c9a13', 1, 1, 'Send the rollout plan', 'me', '2026-11-09', '2026-11-02T09:00:00Z')`,
}

func fixturePath(name string) string { return filepath.Join("testdata", "upgrade", name+".db") }

// TestMakeUpgradeFixtures writes testdata/upgrade from the git history.
func TestMakeUpgradeFixtures(t *testing.T) {
	if os.Getenv("LEADUP_MAKE_FIXTURES") != "1" {
		t.Skip("set LEADUP_MAKE_FIXTURES=1 to make the upgrade fixtures again from git history")
	}
	for _, f := range upgradeFixtures {
		dir := t.TempDir()
		archive := exec.Command("sh", "-c", "cd \"$(git rev-parse --show-toplevel)\" && git archive "+f.commit+" migrations | tar -x -C "+dir)
		if out, err := archive.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", f.commit, err, out)
		}
		path := fixturePath(f.name)
		os.Remove(path)
		// Small pages: a small file.
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=page_size(1024)&_pragma=foreign_keys(1)")
		if err != nil {
			t.Fatal(err)
		}
		p, err := goose.NewProvider(goose.DialectSQLite3, db, os.DirFS(filepath.Join(dir, "migrations")))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Up(context.Background()); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		hash := sha256.Sum256([]byte(fixtureSessionToken))
		for _, q := range fixtureSeed {
			var args []any
			if strings.Contains(q, "?") {
				args = append(args, hash[:])
			}
			if _, err := db.Exec(q, args...); err != nil {
				t.Fatalf("%s: %v\n%s", f.name, err, q)
			}
		}
		// Compact, then in WAL mode as every file leadup writes is.
		if _, err := db.Exec("VACUUM; PRAGMA journal_mode=WAL"); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
}

// TestUpgradeFromEarlierSchemas opens a copy of each fixture with this
// leadup: a landed release's file, or one made between out-of-order merges
// whose missing migrations are safe late, upgrades with its account,
// session, entry and search intact, and takes new entries that search
// finds; a file that cannot be upgraded safely is refused and left as it was.
func TestUpgradeFromEarlierSchemas(t *testing.T) {
	ctx := context.Background()
	for _, f := range upgradeFixtures {
		t.Run(f.name, func(t *testing.T) {
			orig, err := os.ReadFile(fixturePath(f.name))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "leadup.db")
			if err := os.WriteFile(path, orig, 0o600); err != nil {
				t.Fatal(err)
			}
			db, err := Open(ctx, path)
			if f.refuse {
				if err == nil {
					db.Close()
					t.Fatal("the file was upgraded; want it refused")
				}
				if !strings.Contains(err.Error(), "nothing was changed") {
					t.Errorf("got %v, want a message saying nothing was changed", err)
				}
				if after, _ := os.ReadFile(path); !bytes.Equal(after, orig) {
					t.Error("a refused upgrade changed the file")
				}
				return
			}
			if err != nil {
				t.Fatalf("upgrade: %v", err)
			}
			defer db.Close()
			checkUpgraded(t, db)
		})
	}
}

func checkUpgraded(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	u, err := db.FindUserByEmail(ctx, "ann@example.com")
	if err != nil {
		t.Fatalf("the account: %v", err)
	}
	hash := sha256.Sum256([]byte(fixtureSessionToken))
	if s, err := db.FindSession(ctx, hash[:]); err != nil || s.UserID != u.ID {
		t.Errorf("the session: %v %v", s, err)
	}
	found, _, err := db.FindEntries(ctx, u.ID, journal.EntryFilter{Query: "outage"})
	if err != nil || len(found) != 1 || found[0].Summary != fixtureSummary {
		t.Fatalf("search for the old entry: %v %v", found, err)
	}
	if fus := found[0].FollowUps; len(fus) != 1 {
		t.Errorf("the follow-up: %v", fus)
	}
	byPractice, _, err := db.FindEntries(ctx, u.ID, journal.EntryFilter{Practice: "solutions"})
	if err != nil || len(byPractice) != 1 {
		t.Errorf("the entry by its practice: %v %v", byPractice, err)
	}
	// The upgraded schema's triggers index new entries and their blocks.
	for word, in := range map[string]journal.EntryInput{
		"capacity": {Summary: "Warned about the capacity crunch"},
		"vendor":   {Summary: "Raised the vendor problem", Problem: &journal.ProblemInput{Problem: "The vendor is late", Options: []string{"Wait", "Switch"}, Recommendation: "Switch"}},
		"staging":  {Summary: "Bet on skipping staging", Bet: &journal.BetInput{Bet: "Skipping staging saves a week", Downside: "Rework", Mitigation: "Canary", ReviewOn: "2026-11-24"}},
		"auditors": {Summary: "Forecast the audit", Forecast: &journal.ForecastInput{Forecast: "The auditors ask for logs", ExpectedBy: "2026-12-04",
			Likelihood: "high", Impact: "A week of work", Prepared: "Logs exported", NoticedOn: "2026-11-02"}},
	} {
		in.BossID, in.OccurredOn, in.Kind, in.Practices = found[0].BossID, "2026-11-03", "email", []string{"solutions"}
		if _, err := db.CreateEntry(ctx, u.ID, in); err != nil {
			t.Errorf("a new entry with %q after the upgrade: %v", word, err)
			continue
		}
		if got, _, err := db.FindEntries(ctx, u.ID, journal.EntryFilter{Query: word}); err != nil || len(got) != 1 {
			t.Errorf("search for %q in a new entry: %v %v", word, got, err)
		}
	}
}
