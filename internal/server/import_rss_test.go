package server

import (
	"bufio"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkImportPeakRSS imports a 10 MB export in a fresh process and
// reports that process's peak resident memory (VmHWM) before and after the
// upload, which streams from disk as a browser's would.
//
//	go test ./internal/server -run '^$' -bench ImportPeakRSS -benchtime 1x
func BenchmarkImportPeakRSS(b *testing.B) {
	app := newTestApp(b)
	c, u := benchUser(app, "export@example.com")
	seedJournal(b, app, u.ID, 100, 19_900, time.Now().UTC())
	// An export's ids are UUIDs; the seeder's are not.
	for i, table := range []string{"bosses", "entries", "followups"} {
		_, err := app.db.Writer().Exec("UPDATE "+table+" SET public_id = printf('00000000-0000-4000-%x000-%012x', ?, id)", 8+i)
		if err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(b.TempDir(), "export.json")
	body := c.get("/export.json").body
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestImportRSSChild$", "-test.v")
		cmd.Env = append(os.Environ(), "LEADUP_IMPORT_FILE="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var before, after float64
		for _, line := range strings.Split(string(out), "\n") {
			if f := strings.Fields(line); len(f) == 3 && f[0] == "peak-kB" {
				before, _ = strconv.ParseFloat(f[1], 64)
				after, _ = strconv.ParseFloat(f[2], 64)
			}
		}
		if after == 0 {
			b.Fatalf("no measurement in\n%s", out)
		}
		b.ReportMetric(float64(len(body))/(1<<20), "file-MiB")
		b.ReportMetric(before/1024, "peak-before-MiB")
		b.ReportMetric(after/1024, "peak-MiB")
	}
}

// TestImportRSSChild is BenchmarkImportPeakRSS's measuring process; run
// alone it has nothing to measure and returns.
func TestImportRSSChild(t *testing.T) {
	path := os.Getenv("LEADUP_IMPORT_FILE")
	if path == "" {
		return
	}
	app := newTestApp(t, func(c *Config) { c.MaxImportBytes = 64 << 20 })
	c := app.signedUp("import@example.com")
	before := vmHWM(t)

	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		f, err := os.Open(path)
		if err == nil {
			var fw io.Writer
			if fw, err = mw.CreateFormFile("file", "export.json"); err == nil {
				_, err = io.Copy(fw, f)
			}
			f.Close()
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req, _ := http.NewRequest(http.MethodPost, app.ts.URL+"/import", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	r := c.do(req)
	if r.status != http.StatusSeeOther {
		i := strings.Index(r.body, "Nothing was imported")
		t.Fatalf("status %d: %.600s", r.status, r.body[max(i, 0):])
	}
	if n := app.count("entries"); n < 20_000 {
		t.Fatalf("imported %d entries", n)
	}
	fmt.Printf("peak-kB %d %d\n", before, vmHWM(t))
}

// vmHWM reads this process's peak resident set size in kB.
func vmHWM(t testing.TB) int {
	n, err := procHWM("self")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// procHWM reads the peak resident set size, in kB, of the process pid
// ("self", or a number) names.
func procHWM(pid string) (int, error) {
	f, err := os.Open("/proc/" + pid + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%s/status", pid)
}
