package server

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/sqlite"
	"github.com/leadup/leadup/migrations"
)

// The scale file: 2,000 users and about 1,000,000 entries, one heavy user
// with 100,000 and one light user with 408, the rest about 450 each. It
// takes minutes to build, so it is built only when LEADUP_SCALE=1, once per
// schema and week, into LEADUP_SCALE_DIR (default: a folder in the system
// temp dir), never into the source tree. LEADUP_SCALE_ENTRIES=100000 builds
// a smaller file of the same shape (a user still has about 450 entries,
// the light user 408, the heavy user a tenth of the file) when a machine
// has no hour to spare.
var (
	scaleEntries      = scaleEntriesWanted()
	scaleUsers        = scaleEntries / 500
	scaleHeavyEntries = scaleEntries / 10
)

func scaleEntriesWanted() int {
	if n, err := strconv.Atoi(os.Getenv("LEADUP_SCALE_ENTRIES")); err == nil && n >= 10_000 {
		return n
	}
	return 1_000_000
}

const (
	scaleLightEntries = 408
	scaleBosses       = 5
	scaleHeavyID      = 1 // user ids, in insert order
	scaleLightID      = 2
	scaleCommonWord   = "meeting" // in about 30% of all entries
	scaleRareWord     = "zanzibar"
)

// scaleToken is the session cookie value of a seeded user; its hash is in
// the sessions table.
func scaleToken(userID int64) string { return fmt.Sprintf("scale-session-%d", userID) }

// scaleFile returns the path of the scale file, building it when missing.
func scaleFile(b *testing.B) string {
	b.Helper()
	return scaleFileAt(b, 0)
}

// scaleFileAt returns the path of the scale file at schema version (0: this
// leadup's), building it when missing: an old version's file is what an
// upgrade starts from.
func scaleFileAt(b *testing.B, version int64) string {
	b.Helper()
	if os.Getenv("LEADUP_SCALE") != "1" {
		b.Skip("set LEADUP_SCALE=1 to build and use the 1,000,000-entry file (minutes, about 1.5 GB)")
	}
	dir := os.Getenv("LEADUP_SCALE_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "leadup-scale")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	today := time.Now().UTC()
	year, week := today.ISOWeek()
	name := fmt.Sprintf("scale-%s-%d-w%02d.db", schemaKey(b, version), year, week)
	if version > 0 {
		name = fmt.Sprintf("scale-schema%d-%s-%d-w%02d.db", version, schemaKey(b, version), year, week)
	}
	if scaleEntries != 1_000_000 {
		name = fmt.Sprintf("%d-%s", scaleEntries, name)
	}
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	start := time.Now()
	if err := seedScale(tmp, today, version); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s in %s", path, time.Since(start).Round(time.Second))
	return path
}

// schemaKey hashes every migration up to version (0: all), so a schema
// change builds a new file.
func schemaKey(b *testing.B, version int64) string {
	h := sha256.New()
	err := fs.WalkDir(migrations.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if v, err := goose.NumericComponent(p); version > 0 && (err != nil || v > version) {
			return nil
		}
		data, err := fs.ReadFile(migrations.FS, p)
		h.Write([]byte(p))
		h.Write(data)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// seedScale builds the file through the migrations up to version (0: all)
// and plain SQL that matches every schema since 00002, in large
// transactions with prepared statements and synchronous=OFF (for seeding
// only: a crash means building again). It runs no ANALYZE, like a real
// installation.
func seedScale(path string, today time.Time, version int64) error {
	w, closeDB, err := openToSeed(path, version)
	if err != nil {
		return err
	}
	defer closeDB()
	if _, err := w.Exec("PRAGMA synchronous = OFF"); err != nil {
		return err
	}
	s := &seeder{w: w, rnd: rand.New(rand.NewPCG(15, 2026)), today: today}
	s.words = make([]string, 4000)
	syl := []string{"ka", "lo", "mi", "ne", "ru", "ta", "vo", "pe", "si", "da", "gu", "fa", "bi", "zo", "he", "jo"}
	for i := range s.words {
		n := 2 + i%3
		var sb strings.Builder
		for j := range n {
			sb.WriteString(syl[(i>>(j*4)+j*7)%len(syl)])
		}
		s.words[i] = sb.String() + fmt.Sprint(i%97)
	}
	if err := s.users(); err != nil {
		return err
	}
	secure, err := secureDeleteOff(w)
	if err != nil {
		return err
	}
	if err := s.entries(); err != nil {
		return err
	}
	if err := secureDeleteOn(w, secure); err != nil {
		return err
	}
	if _, err := w.Exec("PRAGMA synchronous = FULL"); err != nil {
		return err
	}
	_, err = w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}

// secureDeleteOff turns FTS5's secure-delete off in every search index that
// has it on, and returns those indexes. A follow-up's trigger takes its
// entry out of the index and puts it back; with secure-delete on, each such
// delete looks up every term of the entry in every segment, most of the
// seeding's time.
func secureDeleteOff(w *sql.DB) ([]string, error) {
	rows, err := w.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`)
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var on []string
	for _, name := range names {
		var v int
		err := w.QueryRow(fmt.Sprintf(`SELECT v FROM %q WHERE k = 'secure-delete'`, name+"_config")).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) || err == nil && v == 0 {
			continue
		}
		if err != nil {
			return nil, err
		}
		if _, err := w.Exec(fmt.Sprintf(`INSERT INTO %[1]q (%[1]q, rank) VALUES ('secure-delete', 0)`, name)); err != nil {
			return nil, err
		}
		on = append(on, name)
	}
	return on, nil
}

// secureDeleteOn merges each of the indexes into one segment, which drops
// the deleted copies the seeding left, and turns secure-delete back on, so
// the file holds what a real installation's holds.
func secureDeleteOn(w *sql.DB, names []string) error {
	for _, name := range names {
		for _, q := range []string{`INSERT INTO %[1]q (%[1]q) VALUES ('optimize')`, `INSERT INTO %[1]q (%[1]q, rank) VALUES ('secure-delete', 1)`} {
			if _, err := w.Exec(fmt.Sprintf(q, name)); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return nil
}

// openToSeed opens the file at path migrated to version (0: this leadup's
// schema, through sqlite.Open), and returns its writer and how to close it.
func openToSeed(path string, version int64) (*sql.DB, func() error, error) {
	if version == 0 {
		db, err := sqlite.Open(context.Background(), path)
		if err != nil {
			return nil, nil, err
		}
		return db.Writer(), db.Close, nil
	}
	w, err := sql.Open("sqlite", sqlite.DSN(path))
	if err != nil {
		return nil, nil, err
	}
	w.SetMaxOpenConns(1)
	p, err := goose.NewProvider(goose.DialectSQLite3, w, migrations.FS)
	if err == nil {
		_, err = p.UpTo(context.Background(), version)
	}
	if err != nil {
		w.Close()
		return nil, nil, err
	}
	return w, w.Close, nil
}

type seeder struct {
	w       *sql.DB
	rnd     *rand.Rand
	today   time.Time
	words   []string
	bosses  [][]int64 // per user (index = user id - 1)
	counter []int     // entries per user
}

const seedTime = "2020-01-01T00:00:00.000000000Z"

func (s *seeder) users() error {
	tx, err := s.w.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	far := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for u := int64(1); u <= int64(scaleUsers); u++ {
		_, err := tx.Exec(`INSERT INTO users (id, public_id, email, password_hash, display_name, timezone, created_at, updated_at)
			VALUES (?, ?, ?, 'x', ?, 'Europe/Berlin', ?, ?)`, u, fmt.Sprintf("user-%d", u), fmt.Sprintf("user%d@example.com", u),
			fmt.Sprintf("User %d", u), seedTime, seedTime)
		if err != nil {
			return err
		}
		// A session whose last activity is in the future never idles out
		// and is never touched, so reading pages writes nothing.
		_, err = tx.Exec(`INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			auth.HashToken(scaleToken(u)), u, far, far, far)
		if err != nil {
			return err
		}
		var ids []int64
		for i := range scaleBosses {
			res, err := tx.Exec(`INSERT INTO bosses (public_id, user_id, name, relation, created_at, updated_at)
				VALUES (?, ?, ?, 'manager', ?, ?)`, fmt.Sprintf("b-%d-%d", u, i), u, []string{"Dana", "Eve", "Farid", "Grace", "Hiro"}[i], seedTime, seedTime)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			ids = append(ids, id)
			for p := range 2 {
				_, err := tx.Exec(`INSERT INTO priorities (public_id, user_id, boss_id, text, status, noted_on, status_changed_at, created_at)
					VALUES (?, ?, ?, ?, 'active', '2020-01-01', ?, ?)`, fmt.Sprintf("p-%d-%d-%d", u, i, p), u, id, "Priority "+s.words[p], seedTime, seedTime)
				if err != nil {
					return err
				}
			}
		}
		s.bosses = append(s.bosses, ids)
	}
	return tx.Commit()
}

// entries inserts every entry in a random order of users, as a shared
// server's file grows, with two practices each and a follow-up on every
// tenth, half of them still open. Each batch is staged in temporary tables
// and written with one INSERT … SELECT per table: the search index's
// triggers still index every row, but SQLite opens one statement savepoint
// per statement, and FTS5 writes its pending terms to disk at each
// savepoint, so a statement per row wrote one tiny segment per entry and
// merged them (about 500 entries a second; 1,000,000 took hours). The rows
// and the index they make are the same either way.
func (s *seeder) entries() error {
	others := (scaleEntries - scaleHeavyEntries - scaleLightEntries) / (scaleUsers - 2)
	var slots []int32
	for u := 1; u <= scaleUsers; u++ {
		n := others
		switch u {
		case scaleHeavyID:
			n = scaleHeavyEntries
		case scaleLightID:
			n = scaleLightEntries
		}
		for range n {
			slots = append(slots, int32(u))
		}
	}
	s.rnd.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	s.counter = make([]int, scaleUsers+1)
	total := map[int]int{scaleHeavyID: scaleHeavyEntries, scaleLightID: scaleLightEntries}
	const batch = 50_000
	keys := journal.PracticeKeys()
	_, err := s.w.Exec(`
		CREATE TEMP TABLE seed_entries (id INTEGER PRIMARY KEY, public_id, user_id, boss_id, occurred_on, summary, notes);
		CREATE TEMP TABLE seed_practices (entry_id, practice, user_id, boss_id, occurred_on);
		CREATE TEMP TABLE seed_followups (public_id, user_id, entry_id, text, owner, due_on, done_at, done_on)`)
	if err != nil {
		return err
	}
	var id int64
	for start := 0; start < len(slots); start += batch {
		tx, err := s.w.Begin()
		if err != nil {
			return err
		}
		insEntry, _ := tx.Prepare(`INSERT INTO temp.seed_entries VALUES (?, ?, ?, ?, ?, ?, ?)`)
		insPractice, _ := tx.Prepare(`INSERT INTO temp.seed_practices VALUES (?, ?, ?, ?, ?)`)
		insFollowUp, _ := tx.Prepare(`INSERT INTO temp.seed_followups VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		for _, u32 := range slots[start:min(start+batch, len(slots))] {
			u := int(u32)
			k := s.counter[u]
			s.counter[u]++
			n, ok := total[u]
			if !ok {
				n = others
			}
			// Spread over ten years for the heavy user, two for everyone
			// else, newest at today.
			span := 730
			if u == scaleHeavyID {
				span = 3650
			}
			date := s.today.AddDate(0, 0, -span+(k*span)/n).Format(journal.DateLayout)
			boss := s.bosses[u-1][k%scaleBosses]
			id++
			if _, err := insEntry.Exec(id, fmt.Sprintf("e-%d-%d", u, k), u, boss, date, s.text(4+s.rnd.IntN(4), false), s.text(40+s.rnd.IntN(30), k%2500 == 1)); err != nil {
				return fmt.Errorf("stage entry: %w", err)
			}
			for _, p := range []string{keys[k%6], keys[(k+2)%6]} {
				if _, err := insPractice.Exec(id, p, u, boss, date); err != nil {
					return err
				}
			}
			if k%10 == 0 {
				var doneAt, doneOn any
				if k%20 == 0 {
					doneAt, doneOn = seedTime, date
				}
				_, err := insFollowUp.Exec(fmt.Sprintf("f-%d-%d", u, k), u, id, "Send the "+s.words[s.rnd.IntN(len(s.words))]+" numbers",
					[]string{"me", "boss"}[k/10%2], journal.AddDays(date, 7), doneAt, doneOn)
				if err != nil {
					return err
				}
			}
		}
		for _, q := range []string{
			`INSERT INTO entries (id, public_id, user_id, boss_id, occurred_on, kind, summary, notes, created_at, updated_at)
				SELECT id, public_id, user_id, boss_id, occurred_on, 'one_on_one', summary, notes, ?1, ?1 FROM temp.seed_entries ORDER BY id`,
			`INSERT INTO entry_practices (entry_id, practice, user_id, boss_id, occurred_on)
				SELECT entry_id, practice, user_id, boss_id, occurred_on FROM temp.seed_practices ORDER BY rowid`,
			`INSERT INTO followups (public_id, user_id, entry_id, text, owner, due_on, done_at, done_on, created_at)
				SELECT public_id, user_id, entry_id, text, owner, due_on, done_at, done_on, ?1 FROM temp.seed_followups ORDER BY rowid`,
		} {
			if _, err := tx.Exec(q, seedTime); err != nil {
				return fmt.Errorf("seed batch: %w", err)
			}
		}
		if _, err := tx.Exec(`DELETE FROM temp.seed_entries; DELETE FROM temp.seed_practices; DELETE FROM temp.seed_followups`); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// text returns n words of the vocabulary, the common word in about 30% of
// texts, and the rare word when asked.
func (s *seeder) text(n int, rare bool) string {
	var sb strings.Builder
	for i := range n {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(s.words[s.rnd.IntN(len(s.words))])
	}
	if n > 10 && s.rnd.IntN(10) < 3 {
		sb.WriteString(" " + scaleCommonWord)
	}
	if rare {
		sb.WriteString(" " + scaleRareWord)
	}
	return sb.String()
}
