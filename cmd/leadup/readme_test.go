package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readmeLine is a command line the README shows, where it shows it.
type readmeLine struct {
	at   string // README.md:LINE
	kind string // the code block's language (sh, cron, ini), or "inline"
	text string
}

// readmeLines reads every line of the README's sh, cron and ini code
// blocks (continuation lines joined), and every inline code span.
func readmeLines(t *testing.T) []readmeLine {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var lines []readmeLine
	block, inBlock := "", false
	var pending strings.Builder
	span := regexp.MustCompile("`([^`]+)`")
	for i, line := range strings.Split(string(data), "\n") {
		at := "README.md:" + strconv.Itoa(i+1)
		if strings.HasPrefix(line, "```") {
			block, inBlock = strings.TrimPrefix(line, "```"), !inBlock
			continue
		}
		if !inBlock {
			for _, m := range span.FindAllStringSubmatch(line, -1) {
				lines = append(lines, readmeLine{at, "inline", m[1]})
			}
			continue
		}
		if block != "sh" && block != "cron" && block != "ini" {
			continue
		}
		if strings.HasSuffix(line, `\`) && block == "sh" {
			pending.WriteString(strings.TrimSuffix(line, `\`))
			continue
		}
		pending.WriteString(line)
		lines = append(lines, readmeLine{at, block, strings.TrimSpace(pending.String())})
		pending.Reset()
	}
	return lines
}

// readmeCall is a README line turned into what a shell runs: cron's and
// systemd's escapes undone, the container's /leadup run as leadup (with the
// image's LEADUP_DB), and the comment dropped.
type readmeCall struct {
	script    string
	args      []string // the words after leadup
	container bool
}

var (
	leadupCommand = regexp.MustCompile(`(?:^|[|']\s*|\bexec\s+)(?:[A-Z_]+=\S+\s+)*leadup(\s.*)?$`)
	shellComment  = regexp.MustCompile(`\s+#.*$`)
	cronTime      = regexp.MustCompile(`^(\S+\s+){5}`)
	// The paths the README's examples use, moved under the test's folder.
	readmePaths = regexp.MustCompile(`(^|[\s='"])/(srv|backups|tmp/check|data)/`)
	readmeAddr  = regexp.MustCompile(`(127\.0\.0\.1)?:\d{4,5}\b`)
	commandWord = []string{"serve", "migrate", "up", "status", "user", "add", "passwd", "backup", "restore", "healthcheck", "remind", "version", "help", "verify-backup", "backup-status"}
)

func toCall(l readmeLine) (readmeCall, bool) {
	s := l.text
	switch l.kind {
	case "cron":
		s = strings.ReplaceAll(cronTime.ReplaceAllString(s, ""), `\%`, "%")
	case "ini":
		var ok bool
		if s, ok = strings.CutPrefix(s, "ExecStart="); !ok {
			return readmeCall{}, false
		}
		s = strings.ReplaceAll(s, "%%", "%")
	case "sh":
		s = shellComment.ReplaceAllString(s, "")
	}
	var c readmeCall
	for _, image := range []string{"docker exec -i leadup /leadup ", "docker exec leadup /leadup ", "docker compose run --rm leadup "} {
		if strings.Contains(s, image) {
			s, c.container = strings.ReplaceAll(s, image, "leadup "), true
		}
	}
	s = strings.ReplaceAll(s, "/usr/local/bin/leadup ", "leadup ")
	s = strings.ReplaceAll(s, "go run ./cmd/leadup", "leadup")
	m := leadupCommand.FindStringSubmatch(s)
	if m == nil {
		return readmeCall{}, false
	}
	c.script = s
	c.args = strings.Fields(strings.Trim(m[1], "' "))
	if l.kind == "inline" && len(c.args) > 0 && !strings.HasPrefix(c.args[0], "-") && !slices.Contains(commandWord, strings.Trim(c.args[0], "[]")) {
		return readmeCall{}, false // prose such as `leadup <leadup@example.com>`
	}
	return c, true
}

// synopsis is a line with placeholders (FILE, [-at RFC3339], up|status)
// rather than a command to run.
func (c readmeCall) synopsis() bool {
	for _, a := range c.args {
		if strings.ContainsAny(a, "[]|") || regexp.MustCompile(`^[A-Z][A-Z0-9]*$`).MatchString(a) {
			return true
		}
	}
	return false
}

// mention is a command named in prose (`leadup user add`), with nothing to run.
func (c readmeCall) mention() bool {
	for _, a := range c.args {
		if !slices.Contains(commandWord, a) {
			return false
		}
	}
	return true
}

// TestReadmeCommands runs every leadup command line the README shows,
// exactly as written, through a shell with leadup on the PATH: the backup
// lines for cron and systemd, the container's docker exec lines, the
// monthly restore check. Only the paths (/srv, /data…) move into a
// temporary folder and the listen addresses onto free ports. A synopsis
// line, and a command named in prose, must be in `leadup help`.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs leadup through a shell")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// Whatever a line wrongly serves finds the address taken; healthcheck
	// finds this stand-in answering.
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	healthz := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
		}
	})}
	go healthz.Serve(held)
	defer healthz.Close()

	seed := filepath.Join(t.TempDir(), "seed.db")
	leadup(t, env("LEADUP_DB", seed), "migrate", "up")
	if err := run(t.Context(), []string{"user", "add", "-db", seed, "ann@example.com"}, env(), strings.NewReader("correct horse battery\n"), io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}

	var usage bytes.Buffer
	if err := run(t.Context(), []string{"help"}, env(), nil, &usage, io.Discard); err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, l := range readmeLines(t) {
		c, ok := toCall(l)
		if !ok {
			continue
		}
		if c.synopsis() || (l.kind == "inline" && c.mention()) {
			checkInHelp(t, l, c, usage.String())
			continue
		}
		ran++
		t.Run(l.at, func(t *testing.T) { runReadmeLine(t, self, held.Addr().String(), seed, l, c) })
	}
	if ran == 0 {
		t.Fatal("found no command line to run in the README")
	}
	t.Logf("ran %d command lines from the README", ran)
}

func checkInHelp(t *testing.T, l readmeLine, c readmeCall, usage string) {
	t.Helper()
	usage = strings.NewReplacer("[", "", "]", "").Replace(usage)
	for i, a := range c.args {
		a = strings.Trim(a, "[]")
		if strings.HasPrefix(a, "-") && !strings.Contains(usage, a+" ") {
			t.Errorf("%s: %q shows flag %s, which 'leadup help' does not list", l.at, l.text, a)
		}
		if i == 0 && slices.Contains(commandWord, a) && !strings.Contains(usage, "leadup "+a) {
			t.Errorf("%s: %q shows command %s, which 'leadup help' does not list", l.at, l.text, a)
		}
	}
}

// runReadmeLine runs one line in a folder of its own, laid out like the
// README's machine: a database in the working directory, /srv/leadup,
// /data (with a backup to restore, restored.db) and /tmp/check.
func runReadmeLine(t *testing.T, self, held, seed string, l readmeLine, c readmeCall) {
	root := t.TempDir()
	bin, work := filepath.Join(root, "bin"), filepath.Join(root, "work")
	for _, dir := range []string{bin, work, "srv/leadup", "srv/backups", "backups", "data", "tmp/check"} {
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, dir)
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(self, filepath.Join(bin, "leadup")); err != nil {
		t.Fatal(err)
	}
	seedBytes, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, db := range []string{"work/leadup.db", "srv/leadup/leadup.db", "data/leadup.db", "data/restored.db", "tmp/check/leadup.db"} {
		if err := os.WriteFile(filepath.Join(root, db), seedBytes, 0o600); err != nil {
			t.Fatal(err)
		}
	}

	// Read from the README's words, not from leadup's own parsing: a line
	// serves when it names no command other than serve.
	serving := !slices.ContainsFunc(c.args, func(a string) bool { return a != "serve" && slices.Contains(commandWord, a) })
	addr := held
	if serving {
		addr = freeAddr(t)
	}
	script := readmePaths.ReplaceAllString(c.script, "${1}"+root+"/${2}/")
	if serving {
		script = readmeAddr.ReplaceAllString(script, addr)
	}
	environ := []string{"LEADUP_TEST_AS_LEADUP=1", "PATH=" + bin + ":" + os.Getenv("PATH"), "HOME=" + root,
		"PW=correct horse battery", "LEADUP_ADDR=" + addr}
	if c.container {
		environ = append(environ, "LEADUP_DB="+filepath.Join(root, "data/leadup.db"))
	}
	if slices.Contains(c.args, "remind") {
		// A relay that is not there: the pass runs and records the failure.
		host, port, _ := net.SplitHostPort(freeAddr(t))
		environ = append(environ, "LEADUP_SMTP_HOST="+host, "LEADUP_SMTP_PORT="+port, "LEADUP_SMTP_TLS=none",
			"LEADUP_SMTP_FROM=leadup@example.com", "LEADUP_BASE_URL=https://leadup.example.com/")
	}

	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute) // a guard against a hang, not a measurement
	defer cancel()
	sh := exec.CommandContext(ctx, "sh", "-c", script)
	sh.Dir, sh.Env = work, environ
	sh.Stdin = strings.NewReader("correct horse battery\n")
	sh.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var out syncBuffer
	sh.Stdout, sh.Stderr = &out, &out
	if !serving {
		if err := sh.Run(); err != nil {
			t.Fatalf("%q (run as %q): %v\n%s", l.text, script, err, out.String())
		}
		return
	}
	if err := sh.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- sh.Wait() }()
	for getOK("http://"+addr+"/healthz") != nil {
		select {
		case err := <-done:
			t.Fatalf("%q (run as %q) ended before serving: %v\n%s", l.text, script, err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	syscall.Kill(-sh.Process.Pid, syscall.SIGTERM)
	err = <-done
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "stopped") {
		t.Errorf("%q served but did not stop cleanly on SIGTERM:\n%s", l.text, out.String())
	}
}
