package server

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// scaleUpgradeFrom is the schema version the upgrade benchmark starts from:
// the last one with the first search index, so the upgrade rebuilds it.
const scaleUpgradeFrom = 7

// BenchmarkScaleUpgrade upgrades a copy of the 1,000,000-entry file made at
// schema version 7 to this leadup's schema with the real binary (`leadup
// migrate up`, built as the image builds it), as an operator does after
// replacing the image, and reports its wall and CPU seconds, its peak
// resident memory, and its wall time as a multiple of the floor measured
// in the same run: copying the file once onto the disk (written and
// synced), the least any upgrade that reads and rewrites it costs. The README's upgrade notes give the
// figures.
//
//	LEADUP_SCALE=1 go test ./internal/server -run '^$' -bench ScaleUpgrade -benchtime 3x
func BenchmarkScaleUpgrade(b *testing.B) {
	src := scaleFileAt(b, scaleUpgradeFrom)
	dst := filepath.Join(filepath.Dir(src), "upgrading.db")
	bin := buildLeadup(b)
	var wall, copying, cpu time.Duration
	var peakKB int64
	for b.Loop() {
		b.StopTimer()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(dst + suffix)
		}
		began := time.Now()
		if err := copyFile(src, dst); err != nil {
			b.Fatal(err)
		}
		if err := syncFile(dst); err != nil {
			b.Fatal(err)
		}
		copying += time.Since(began)
		b.StartTimer()
		began = time.Now()
		cmd := exec.Command(bin, "migrate", "up", "-db", dst)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		peak := watchPeak(cmd.Process.Pid)
		err := cmd.Wait()
		wall += time.Since(began)
		if err != nil {
			b.Fatalf("leadup migrate up: %v\n%s", err, out.String())
		}
		peakKB = max(peakKB, <-peak)
		// The first migration after scaleUpgradeFrom, and the rebuild it asks for.
		for _, want := range []string{fmt.Sprintf("applied %05d_", scaleUpgradeFrom+1), `msg=rebuilt what="the search index"`} {
			if !strings.Contains(out.String(), want) {
				b.Fatalf("leadup migrate up did not say %q:\n%s", want, out.String())
			}
		}
		use := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpu += time.Duration(use.Utime.Nano() + use.Stime.Nano())
	}
	n := float64(b.N)
	b.ReportMetric(wall.Seconds()/n, "s/upgrade")
	b.ReportMetric(cpu.Seconds()/n, "cpu-s/upgrade")
	b.ReportMetric(float64(peakKB)/1024, "peak-MiB")
	b.ReportMetric(float64(wall)/float64(copying), "x-copy")
}

// watchPeak reads the peak resident memory (VmHWM, kB) of the process pid
// every 20 ms until it has exited, and then sends the last reading. The
// kernel's own count (rusage's Maxrss) cannot be used: it starts in the
// fork, so it includes this test process's memory before the exec.
func watchPeak(pid int) <-chan int64 {
	peak := make(chan int64, 1)
	go func() {
		var last int64
		for {
			n, err := procHWM(strconv.Itoa(pid))
			if err != nil { // exited
				peak <- last
				return
			}
			last = int64(n)
			time.Sleep(20 * time.Millisecond)
		}
	}()
	return peak
}

// buildLeadup builds the leadup binary as the image does, into a temporary
// folder, and returns its path.
func buildLeadup(b *testing.B) string {
	out := filepath.Join(b.TempDir(), "leadup")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "github.com/leadup/leadup/cmd/leadup")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, msg)
	}
	return out
}

// syncFile flushes the file at path to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	return errors.Join(err, f.Close())
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
