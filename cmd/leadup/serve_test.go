package main

import (
	"context"
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
