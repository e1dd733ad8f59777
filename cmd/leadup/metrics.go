package main

import (
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"

	"github.com/VictoriaMetrics/metrics"

	"github.com/leadup/leadup/internal/backup"
	"github.com/leadup/leadup/internal/sqlite"
)

// newMetricsSet gathers the operator's metrics besides the requests: build
// information, both database pools, and the scheduled backups when backups
// is not nil. No metric carries a user's data.
// The series keep the names the Prometheus client gave them, so existing
// dashboards keep working.
func newMetricsSet(db *sqlite.DB, backups *backup.Scheduler) *metrics.Set {
	set := metrics.NewSet()
	build := buildInfoSeries()
	set.RegisterMetricsWriter(func(w io.Writer) {
		fmt.Fprintln(w, build)
		writeDBStats(w, "write", db.Writer().Stats())
		writeDBStats(w, "read", db.Reader().Stats())
		if backups != nil {
			backups.WriteMetrics(w)
		}
	})
	return set
}

// buildInfoSeries is the go_build_info gauge, always 1, whose labels say
// what was built.
func buildInfoSeries() string {
	path, version, sum := "unknown", "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		path, version, sum = bi.Main.Path, bi.Main.Version, bi.Main.Sum
	}
	return fmt.Sprintf("go_build_info{checksum=%q,path=%q,version=%q} 1", sum, path, version)
}

// writeDBStats writes one pool's sql.DBStats as the go_sql_* series.
func writeDBStats(w io.Writer, name string, s sql.DBStats) {
	series := []struct {
		name  string
		value float64
	}{
		{"go_sql_max_open_connections", float64(s.MaxOpenConnections)},
		{"go_sql_open_connections", float64(s.OpenConnections)},
		{"go_sql_in_use_connections", float64(s.InUse)},
		{"go_sql_idle_connections", float64(s.Idle)},
		{"go_sql_wait_count_total", float64(s.WaitCount)},
		{"go_sql_wait_duration_seconds_total", s.WaitDuration.Seconds()},
		{"go_sql_max_idle_closed_total", float64(s.MaxIdleClosed)},
		{"go_sql_max_idle_time_closed_total", float64(s.MaxIdleTimeClosed)},
		{"go_sql_max_lifetime_closed_total", float64(s.MaxLifetimeClosed)},
	}
	for _, m := range series {
		fmt.Fprintf(w, "%s{db_name=%q} %g\n", m.name, name, m.value)
	}
}

// metricsHandler serves /metrics: the set, then Go and process statistics.
func metricsHandler(set *metrics.Set) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		set.WritePrometheus(w)
		metrics.WriteProcessMetrics(w)
	})
	return mux
}
