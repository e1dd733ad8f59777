package main

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestServeGathersStatisticsAfterListening: Open gathers no statistics
// (internal/sqlite's TestOpenGathersNoStatistics), so a first start on a
// large file answers at once; the server then gathers them in the
// background.
func TestServeGathersStatisticsAfterListening(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	addr := freeAddr(t)
	var logs syncBuffer
	stop := startServeLogging(t, env("LEADUP_ADDR", addr, "LEADUP_DB", db), addr, &logs)
	defer stop()
	conn, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) { // a bound on failure
		var n int
		if err := conn.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'").Scan(&n); err == nil && n == 1 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no statistics 30 s after the server listened\n%s", logs.String())
		}
	}
}
