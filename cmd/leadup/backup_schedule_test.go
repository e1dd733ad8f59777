package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/leadup/leadup/internal/backup"
	"github.com/leadup/leadup/internal/sqlite"
)

// lineWatcher keeps a process's output and calls onLine with each
// complete line as it arrives, in the goroutine that copies the output.
type lineWatcher struct {
	mu      sync.Mutex
	all     bytes.Buffer
	partial []byte
	onLine  func(string)
}

func (w *lineWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.all.Write(p)
	w.partial = append(w.partial, p...)
	var lines []string
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			break
		}
		lines = append(lines, string(w.partial[:i]))
		w.partial = w.partial[i+1:]
	}
	onLine := w.onLine
	w.mu.Unlock()
	for _, l := range lines {
		if onLine != nil {
			onLine(l)
		}
	}
	return len(p), nil
}

func (w *lineWatcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.all.String()
}

// startBackingUp runs `leadup serve` in its own process, as
// TestLeadupProcess, with env added, and waits for /healthz.
func startBackingUp(t *testing.T, addr string, out io.Writer, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLeadupProcess$")
	cmd.Env = append(append(childEnv(), "LEADUP_TEST_AS_SERVER=1", "LEADUP_ADDR="+addr, "LEADUP_SIGNUP=open", "LEADUP_LOG_LEVEL=info"), env...)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	})
	for deadline := time.Now().Add(30 * time.Second); getOK("http://"+addr+"/healthz") != nil; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("leadup did not start\n%s", out)
		}
	}
	return cmd
}

// waitFor waits for ch, for at most d: a guard against a hang, not a
// measurement.
// backupHangGuard bounds one backup of the test's 30,000-entry file: a
// hang guard, not a speed check (a backup takes 10 s alone, 42 s under
// -race beside the rest of the suite).
const backupHangGuard = 5 * time.Minute

func waitFor(t *testing.T, ch <-chan struct{}, d time.Duration, what string, out fmt.Stringer) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(d):
		t.Fatalf("%s did not happen within %s\n%s", what, d, out)
	}
}

// leftovers lists what an interrupted backup leaves: plaintext snapshots
// beside the database and temporary files in the backup folder.
func leftovers(t *testing.T, db, backups string) []string {
	t.Helper()
	var out []string
	for _, p := range []string{db + ".backup-snapshot-*", filepath.Join(filepath.Dir(db), "."+filepath.Base(db)+".backup-snapshot-*"), filepath.Join(backups, ".*")} {
		m, err := filepath.Glob(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	return out
}

// assertNotSQLite fails when the file at path opens as an SQLite database.
func assertNotSQLite(t *testing.T, path string) {
	t.Helper()
	head := make([]byte, 16)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	io.ReadFull(f, head)
	f.Close()
	if string(head) == "SQLite format 3\x00" {
		t.Errorf("%s is plain SQLite", path)
	}
	conn, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// An empty file would open as an empty database: what matters is that
	// no table of the journal can be read.
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err == nil && n > 0 {
		t.Errorf("%s opens as SQLite without the identity, with %d tables", path, n)
	}
}

// TestScheduledBackupsSurviveKill9 is the issue's proof: a real `leadup
// serve` process backs up every minute, encrypted to an age recipient,
// while clients write entries; it is killed with SIGKILL in the middle of
// a backup (the second, unless the clients' first entry came after it). The newest complete backup must decrypt with the
// identity, pass verify-backup, restore, and hold every entry acknowledged
// before it began; no file in the backup folder may open as SQLite; the
// next start removes what the killed backup left, and rotation keeps the
// stated set.
func TestScheduledBackupsSurviveKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for two scheduled backups a minute apart")
	}
	dir := t.TempDir()
	data, backups := filepath.Join(dir, "data"), filepath.Join(dir, "backups")
	for _, d := range []string{data, backups} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(data, "leadup.db")
	// Large enough (about 35 MB) that a backup takes long enough to be
	// interrupted; the clients below sign up accounts of their own.
	seedEntries(t, db, 30_000)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, "key.txt")
	if err := os.WriteFile(key, []byte(id.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	addr, metricsAddr := freeAddr(t), freeAddr(t)
	serverEnv := []string{"LEADUP_DB=" + db, "LEADUP_BACKUP_DIR=" + backups, "LEADUP_BACKUP_EVERY=1m",
		"LEADUP_BACKUP_AGE_RECIPIENTS=" + id.Recipient().String(), "LEADUP_METRICS_ADDR=" + metricsAddr}

	var (
		mu         sync.Mutex
		started    int
		killing    bool
		lastStart  time.Time // the name's time of the last backup that started
		writers    []*writer
		cmd        *exec.Cmd
		firstStart = make(chan struct{})
		firstDone  = make(chan struct{})
		killed     = make(chan struct{})
	)
	stamp := regexp.MustCompile(`leadup-(\d{8}T\d{6}Z)\.db`)
	out := &lineWatcher{}
	out.onLine = func(l string) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case strings.Contains(l, `msg="backup done"`) && started == 1:
			close(firstDone)
		case strings.Contains(l, `msg="backup started"`):
			started++
			if started == 1 {
				close(firstStart)
			}
			// Killed during the first backup that follows a complete one
			// taken after some entry was acknowledged: on a loaded machine
			// the clients may start writing only after the first backup.
			if started >= 2 && !killing && ackedBefore(writers, lastStart) {
				killing = true
				go killMidBackup(cmd, backups, killed)
			}
			if m := stamp.FindStringSubmatch(l); m != nil {
				lastStart, _ = time.Parse("20060102T150405Z", m[1])
			}
		}
	}
	mu.Lock()
	began := time.Now()
	cmd = startBackingUp(t, addr, out, serverEnv...)
	mu.Unlock()

	ws := make([]*writer, 4)
	for n := range ws {
		ws[n] = newBossWriter(t, "http://"+addr, n)
	}
	mu.Lock()
	writers = ws
	mu.Unlock()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for n, w := range writers {
		wg.Go(func() { w.run(stop, n) })
	}
	// The first backup is taken within a minute of start; how long it
	// takes depends on the machine (42 s under -race beside other tests).
	waitFor(t, firstStart, time.Minute, "the first backup's start", out)
	waitFor(t, firstDone, backupHangGuard, "the first backup", out)
	firstAfter := time.Since(began)
	checkBackupMetrics(t, metricsAddr, backups)
	waitFor(t, killed, 2*backupHangGuard, "a backup after entries were acknowledged", out)
	cmd.Wait()
	close(stop)
	wg.Wait()

	interrupted := leftovers(t, db, backups)
	if len(interrupted) < 2 {
		t.Fatalf("left by the killed backup: %q; want its plaintext snapshot beside the database and its partial file in the backup folder\n%s", interrupted, out)
	}
	complete, err := backup.List(backups)
	if err != nil {
		t.Fatal(err)
	}
	if len(complete) == 0 {
		t.Fatal("no complete backup")
	}
	for _, f := range complete {
		if slices.ContainsFunc(interrupted, func(p string) bool { return strings.Contains(p, f.Name) }) {
			t.Fatalf("the interrupted backup %s looks complete", f.Name)
		}
	}
	complete = complete[len(complete)-1:] // the newest complete backup
	newest := filepath.Join(backups, complete[0].Name)
	for _, name := range files(t, backups) {
		assertNotSQLite(t, filepath.Join(backups, name))
	}

	// verify-backup: refused without the identity, passes with it.
	var buf bytes.Buffer
	getenv := env("LEADUP_DB", db)
	if err := run(t.Context(), []string{"verify-backup", newest}, getenv, nil, &buf, &buf); err == nil || !strings.Contains(err.Error(), "-age-identity") {
		t.Errorf("verify-backup without the identity: %v", err)
	}
	report := leadup(t, getenv, "verify-backup", "-age-identity", key, newest)
	if !strings.Contains(report, "integrity_check ok, foreign_key_check ok") || !regexp.MustCompile(`\d+ users, \d+ entries`).MatchString(report) {
		t.Errorf("verify-backup printed %q", report)
	}

	// Restore it elsewhere: every entry acknowledged before the backup
	// began is there. The name's time is the start, rounded down.
	restored := filepath.Join(dir, "restored", "leadup.db")
	os.Mkdir(filepath.Dir(restored), 0o700)
	leadup(t, env("LEADUP_DB", restored), "restore", "-age-identity", key, newest)
	present := restoredEntryIDs(t, restored)
	before, missing := 0, 0
	for _, w := range writers {
		for _, a := range w.acked {
			if a.at.Before(complete[0].Time) {
				before++
				if !present[a.id] {
					missing++
					t.Errorf("entry %s, acknowledged at %s before the backup began at %s, is not in it", a.id, a.at.UTC().Format(time.RFC3339Nano), complete[0].Time)
				}
			}
		}
	}
	if before == 0 {
		t.Fatal("no entry was acknowledged before the backup began; the test proves nothing")
	}
	if n := countRows(t, restored, "entries"); n < 30_000+before {
		t.Errorf("the restored database holds %d entries, want at least %d", n, 30_000+before)
	}

	// The next start removes what the killed backup left; its first
	// backup rotates by the stated rule.
	againStart, again := make(chan struct{}), make(chan struct{})
	var onceStart, once sync.Once
	out2 := &lineWatcher{onLine: func(l string) {
		if strings.Contains(l, `msg="backup started"`) {
			onceStart.Do(func() { close(againStart) })
		}
		if strings.Contains(l, `msg="backup done"`) {
			once.Do(func() { close(again) })
		}
	}}
	startBackingUp(t, addr, out2, serverEnv...)
	waitFor(t, againStart, time.Minute, "the first backup's start after the restart", out2)
	select {
	case <-again:
	case <-time.After(backupHangGuard):
		st, err := sqlite.ReadBackupState(t.Context(), db)
		t.Fatalf("the first backup after the restart did not finish within %s; backup state %+v %v\n%s", backupHangGuard, st, err, out2)
	}
	if left := leftovers(t, db, backups); len(left) != 0 {
		t.Errorf("after the restart's first backup, still left: %q", left)
	}
	after, err := backup.List(backups)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) == 0 || after[len(after)-1].Name == complete[0].Name {
		t.Fatalf("no new backup after the restart: %v", after)
	}
	candidates := []backup.File{complete[0], after[len(after)-1]}
	var want []string
	for _, f := range candidates {
		if !slices.ContainsFunc(backup.Prune(candidates, backup.DefaultKeep), func(r backup.File) bool { return r.Name == f.Name }) {
			want = append(want, f.Name)
		}
	}
	var got []string
	for _, f := range after {
		got = append(got, f.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("after rotation the folder holds %q, want %q (keep %s)", got, want, backup.DefaultKeep)
	}
	status := leadup(t, env("LEADUP_DB", db, "LEADUP_BACKUP_DIR", backups, "LEADUP_BACKUP_EVERY", "1m"), "backup-status")
	if !strings.Contains(status, "last success: "+after[len(after)-1].Time.Format(time.RFC3339)[:16]) {
		t.Errorf("backup-status printed:\n%s", status)
	}
	t.Logf("first backup %s after start; %d entries acknowledged before the newest complete backup began, all restored; interrupted files %q removed at the next start",
		firstAfter.Round(100*time.Millisecond), before, interrupted)
}

// ackedBefore reports whether any writer had an entry acknowledged before t.
func ackedBefore(writers []*writer, t time.Time) bool {
	for _, w := range writers {
		w.mu.Lock()
		ok := len(w.acked) > 0 && w.acked[0].at.Before(t)
		w.mu.Unlock()
		if ok {
			return true
		}
	}
	return false
}

// killMidBackup kills the server with SIGKILL (no shutdown code runs, as
// when the machine dies) once the backup's encrypted file is being written
// in the backup folder (its first MiB is out): the snapshot beside the
// database is complete and the backup is half-written.
func killMidBackup(cmd *exec.Cmd, backups string, killed chan<- struct{}) {
	defer close(killed)
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		m, _ := filepath.Glob(filepath.Join(backups, ".leadup-*"))
		if len(m) > 0 {
			if info, err := os.Stat(m[0]); err == nil && info.Size() >= 1<<20 {
				break
			}
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
}

// checkBackupMetrics reads /metrics after the first backup: its time, its
// size (the file's), and that this server holds the lease and encrypts.
func checkBackupMetrics(t *testing.T, addr, backups string) {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	gauge := func(name string) float64 {
		m := regexp.MustCompile(`(?m)^` + name + ` (\S+)$`).FindSubmatch(body)
		if m == nil {
			t.Fatalf("/metrics has no %s:\n%s", name, body)
		}
		v, _ := strconv.ParseFloat(string(m[1]), 64)
		return v
	}
	files, _ := backup.List(backups)
	if len(files) != 1 {
		t.Fatalf("backups after the first: %v", files)
	}
	info, _ := os.Stat(filepath.Join(backups, files[0].Name))
	if got := gauge("leadup_backup_last_success_size_bytes"); got != float64(info.Size()) {
		t.Errorf("leadup_backup_last_success_size_bytes %g, want the file's %d", got, info.Size())
	}
	if got := gauge("leadup_backup_last_success_timestamp_seconds"); int64(got) != files[0].Time.Unix() {
		t.Errorf("leadup_backup_last_success_timestamp_seconds %g, want %d", got, files[0].Time.Unix())
	}
	for _, name := range []string{"leadup_backup_lease_held", "leadup_backup_encrypted"} {
		if got := gauge(name); got != 1 {
			t.Errorf("%s %g, want 1", name, got)
		}
	}
	if got := gauge("leadup_backup_failures_total"); got != 0 {
		t.Errorf("leadup_backup_failures_total %g, want 0", got)
	}
}

func countRows(t *testing.T, path, table string) int {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
