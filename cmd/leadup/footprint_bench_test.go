package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkFootprint runs the real leadup binary and the bare floor
// (testdata/floor: net/http and modernc SQLite, built in the same run) on
// empty databases, and reports for each, and as a ratio to the floor: the
// time from exec to the first 200 on /healthz, the resident memory 2 s
// after start, and the peak resident memory (VmHWM) through 8 browsers
// creating entries (POST, then the page it redirects to). leadup's load
// begins with one argon2id sign-up, as a real one does; its 19 MiB is most
// of the peak, which signup-peak-MiB shows.
//
//	go test ./cmd/leadup -run '^$' -bench Footprint -benchtime 3x
func BenchmarkFootprint(b *testing.B) {
	dir := b.TempDir()
	leadup, floor := goBuild(b, dir, "leadup", "."), goBuild(b, dir, "floor", "./testdata/floor")
	var sums [2]footprint
	for b.Loop() {
		for i, bin := range []string{leadup, floor} {
			f := measureFootprint(b, bin, bin == leadup)
			sums[i].start += f.start
			sums[i].idleKB += f.idleKB
			sums[i].signupKB += f.signupKB
			sums[i].peakKB += f.peakKB
		}
	}
	n := float64(b.N)
	app, bare := sums[0], sums[1]
	b.ReportMetric(float64(app.start.Milliseconds())/n, "start-ms")
	b.ReportMetric(float64(app.start)/float64(bare.start), "start-x-floor")
	b.ReportMetric(float64(app.idleKB)/1024/n, "idle-MiB")
	b.ReportMetric(float64(bare.idleKB)/1024/n, "floor-idle-MiB")
	b.ReportMetric(float64(app.idleKB)/float64(bare.idleKB), "idle-x-floor")
	b.ReportMetric(float64(app.signupKB)/1024/n, "signup-peak-MiB")
	b.ReportMetric(float64(app.peakKB)/1024/n, "peak-MiB")
	b.ReportMetric(float64(bare.peakKB)/1024/n, "floor-peak-MiB")
	b.ReportMetric(float64(app.peakKB)/float64(bare.peakKB), "peak-x-floor")
}

// footprint is one run's measures of a server process.
type footprint struct {
	start                    time.Duration
	idleKB, signupKB, peakKB int // signupKB: the peak after leadup's one sign-up, before the load
}

// footprintStarts is how many cold starts each run times.
const footprintStarts = 5

// footprintCreates is how many entries the 8 browsers create in all.
const footprintCreates = 800

func goBuild(b *testing.B, dir, name, pkg string) string {
	out := filepath.Join(dir, name)
	// Built as the Dockerfile builds the image's binary: its size is
	// part of the resident memory (the pages of code a start touches).
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return out
}

// measureFootprint starts bin on a fresh database, waits for /healthz,
// reads its idle memory 2 s after start, and its peak through the create
// load. Its start is the fastest of footprintStarts, each on a fresh
// database: on a shared machine one start alone says more about the
// neighbours than about the binary.
func measureFootprint(b *testing.B, bin string, isLeadup bool) footprint {
	var f footprint
	for i := range footprintStarts {
		cmd, _, took := startServer(b, bin, isLeadup)
		stopServer(cmd)
		if i == 0 || took < f.start {
			f.start = took
		}
	}
	cmd, base, took := startServer(b, bin, isLeadup)
	defer stopServer(cmd)
	time.Sleep(2*time.Second - took)
	f.idleKB = procStatusKB(b, cmd.Process.Pid, "VmRSS")
	hc := newBrowser(b)
	form := url.Values{"occurred_on": {time.Now().UTC().AddDate(0, 0, -1).Format("2006-01-02")},
		"notes": {strings.Repeat("Notes line. ", 40)}}
	if isLeadup {
		mustSee(b, hc, base+"/signup", url.Values{"email": {"bench@example.com"}, "password": {"correct horse battery"},
			"display_name": {"Bench"}, "timezone": {"Europe/Berlin"}})
		boss := mustSee(b, hc, base+"/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}})
		form.Set("boss_id", strings.TrimPrefix(boss, "/bosses/"))
		form.Set("kind", "one_on_one")
		form.Set("practice", "results")
		f.signupKB = procStatusKB(b, cmd.Process.Pid, "VmHWM")
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for n := next.Add(1); n <= footprintCreates; n = next.Add(1) {
				// A distinct summary each time: leadup asks before saving
				// a twin of an entry saved minutes ago.
				body := form.Encode() + "&summary=" + strconv.FormatInt(n, 10)
				resp, err := hc.Post(base+"/entries", "application/x-www-form-urlencoded", strings.NewReader(body))
				if err == nil {
					err = drainedSeeOther(resp)
				}
				if err == nil {
					resp, err = hc.Get(base + resp.Header.Get("Location"))
				}
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	f.peakKB = procStatusKB(b, cmd.Process.Pid, "VmHWM")
	return f
}

// drainedSeeOther reads and closes resp, and is an error unless it is a 303.
func drainedSeeOther(resp *http.Response) error {
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("POST %s: status %d, want 303\n%.500s", resp.Request.URL, resp.StatusCode, msg)
	}
	return nil
}

// startServer starts bin on a fresh database and returns it once /healthz
// answers 200, with its base URL and how long that took.
func startServer(b *testing.B, bin string, isLeadup bool) (*exec.Cmd, string, time.Duration) {
	addr := freeAddr(b)
	args := []string{"-addr", addr, "-db", filepath.Join(b.TempDir(), "f.db")}
	if isLeadup {
		args = append([]string{"serve"}, args...)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "LEADUP_LOG_LEVEL=error")
	began := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	base := "http://" + addr
	for {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return cmd, base, time.Since(began)
			}
		}
		if time.Since(began) > time.Minute {
			stopServer(cmd)
			b.Fatalf("%s: no 200 on /healthz within a minute", bin)
		}
		time.Sleep(time.Millisecond)
	}
}

func stopServer(cmd *exec.Cmd) {
	cmd.Process.Kill()
	cmd.Wait()
}

// newBrowser is an HTTP client that keeps cookies and does not follow
// redirects.
func newBrowser(b *testing.B) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// mustSee posts form (url.Values or an encoded body) to u and returns the
// 303's Location.
func mustSee(b *testing.B, hc *http.Client, u string, form any) string {
	body, ok := form.(string)
	if !ok {
		body = form.(url.Values).Encode()
	}
	resp, err := hc.Post(u, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err == nil {
		err = drainedSeeOther(resp)
	}
	if err != nil {
		b.Fatal(err)
	}
	return resp.Header.Get("Location")
}

// procStatusKB reads a kB field (VmRSS, VmHWM) of /proc/PID/status.
func procStatusKB(b *testing.B, pid int, field string) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == field+":" {
			n, err := strconv.Atoi(f[1])
			if err != nil {
				b.Fatal(err)
			}
			return n
		}
	}
	b.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}
