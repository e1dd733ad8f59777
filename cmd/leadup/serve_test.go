package main

import (
	"context"
	"math"
	"path/filepath"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// TestJobsStopJoinsEveryJob is serve's way out when serving fails: the
// parent context is still live, yet stop must end each job, a running
// periodic one included, and return only once all have returned — the
// database closes right after.
func TestJobsStopJoinsEveryJob(t *testing.T) {
	jobs := startJobs(context.Background())
	release := make(chan struct{})
	var finished atomic.Int32
	loopEnded := make(chan struct{})
	jobs.run(func(ctx context.Context) { // as the reminder loop
		<-ctx.Done()
		close(loopEnded)
		<-release
		finished.Add(1)
	})
	passRunning := make(chan struct{})
	var once atomic.Bool
	jobs.every(time.Nanosecond, func(ctx context.Context) { // as optimize, mid-pass
		if once.Swap(true) {
			return
		}
		close(passRunning)
		<-release
		finished.Add(1)
	})
	<-passRunning

	stopped := make(chan struct{})
	go func() { jobs.stop(); close(stopped) }()
	<-loopEnded // stop cancelled the jobs although the parent context lives on
	select {
	case <-stopped:
		t.Fatal("stop returned while two jobs were still running")
	default:
	}
	close(release)
	<-stopped
	if n := finished.Load(); n != 2 {
		t.Errorf("stop returned with %d of 2 jobs finished", n)
	}
}

// TestServeReturnsStartupMemory checks that a server, once it listens and
// has gathered its statistics, gives the garbage of starting back to the
// system instead of keeping it resident until Go's scavenger gets to it:
// an idle server's memory is what it uses (BenchmarkFootprint measures
// it). The free heap Go keeps mapped falls under maxKeptFreeHeap at once.
func TestServeReturnsStartupMemory(t *testing.T) {
	const maxKeptFreeHeap = 256 << 10
	addr := freeAddr(t)
	stop := startServe(t, env("LEADUP_ADDR", addr, "LEADUP_DB", filepath.Join(t.TempDir(), "leadup.db"), "LEADUP_LOG_LEVEL", "error"), addr)
	defer stop()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
	// A hang guard, not a speed test: the statistics run after listening.
	deadline := time.Now().Add(20 * time.Second)
	least := uint64(math.MaxUint64)
	for {
		metrics.Read(sample)
		least = min(least, sample[0].Value.Uint64())
		if least <= maxKeptFreeHeap {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server keeps %d KiB of free heap mapped after starting, want at most %d", least>>10, maxKeptFreeHeap>>10)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
