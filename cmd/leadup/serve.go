package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	"github.com/VictoriaMetrics/metrics"

	"github.com/leadup/leadup/internal/backup"
	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/server"
	"github.com/leadup/leadup/internal/sqlite"
)

// serve migrates the database, listens, and serves until ctx ends; then it
// lets in-flight requests finish and closes the database.
func serve(ctx context.Context, cfg config, stderr io.Writer) error {
	log := cfg.logger(stderr)
	// Everything that can be wrong is checked before listening: the
	// configuration (already), the database and its migrations, then the
	// addresses.
	unlock, err := sqlite.Lock(cfg.DB)
	if err != nil {
		return err
	}
	defer unlock() // after db.Close: closing this descriptor earlier would drop SQLite's locks
	db, err := sqlite.Open(ctx, cfg.DB, sqlite.WithProgress(log))
	if err != nil {
		return err
	}
	defer db.Close()
	// Deferred after db.Close, so it runs first on every return, serving's
	// failure included: no job outlives the database.
	jobs := startJobs(ctx)
	defer jobs.stop()
	if m := db.Migrated; m != (sqlite.SchemaChange{}) {
		log.Info("migrated the database", "db", cfg.DB, "from_version", m.From, "to_version", m.To)
	}

	scfg := server.DefaultConfig()
	scfg.Signup = cfg.Signup
	scfg.SecureCookies = cfg.SecureCookies
	scfg.BasePath, scfg.PublicOrigin = cfg.basePath, cfg.publicOrigin
	scfg.TrustedProxies = cfg.proxies
	scfg.AuthProxyHeader = cfg.AuthProxyHeader
	scfg.LogoutURL = cfg.LogoutURL
	scfg.OIDC = cfg.OIDC.server(cfg.publicOrigin, cfg.basePath)
	scfg.PasswordLoginOff = cfg.OIDC.PasswordLogin == "off"
	// The messages parse beside the database's opening (see i18n.Load);
	// one that does not parse stops the start here, before listening.
	if err := cfg.languages.Ready(); err != nil {
		return fmt.Errorf("messages: %w", err)
	}
	scfg.Languages = cfg.languages

	sweepCommandDirs(cfg.DB, log)
	var backups *backup.Scheduler
	if cfg.Backup.Dir != "" {
		if backups, err = newScheduler(ctx, cfg.Backup, cfg.DB, db, log); err != nil {
			return err
		}
	}

	var metricsLn net.Listener
	var set *metrics.Set
	if cfg.MetricsAddr != "" {
		if metricsLn, err = net.Listen("tcp", cfg.MetricsAddr); err != nil {
			return fmt.Errorf("LEADUP_METRICS_ADDR: listen on %s: %w", cfg.MetricsAddr, err)
		}
		defer metricsLn.Close()
		set = newMetricsSet(db, backups)
		scfg.Metrics = server.NewMetrics(set)
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("LEADUP_ADDR: listen on %s: %w", cfg.Addr, err)
	}
	defer ln.Close()

	uc := core.New(db)
	if cfg.SMTP.Host != "" {
		if scfg.Reminders, err = remind.New(uc, cfg.SMTP.mailer(), cfg.BaseURL, cfg.languages, log); err != nil {
			return err
		}
	}
	// One clock, injected into the store and the server alike.
	clock := time.Now
	db.Now, scfg.Now = clock, clock
	srv := server.New(uc, password.NewHasher(password.Default), log, scfg)
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	servers := []*http.Server{hs}
	errc := make(chan error, 2)
	go func() { errc <- hs.Serve(ln) }()
	if metricsLn != nil {
		ms := &http.Server{Handler: metricsHandler(set), ReadHeaderTimeout: 10 * time.Second}
		servers = append(servers, ms)
		go func() { errc <- ms.Serve(metricsLn) }()
		log.Info("metrics serving", "addr", metricsLn.Addr().String())
	}
	// Statistics after listening: the first start on a large file that has
	// none reads a sample of every index, which must not delay serving.
	// Then the garbage of starting (migrations, templates, assets, the
	// statistics) goes back to the system at once rather than when Go's
	// scavenger gets to it, minutes later: an idle server holds what it
	// uses.
	jobs.run(func(ctx context.Context) {
		optimize(ctx, db, true, log)
		debug.FreeOSMemory()
	})
	jobs.every(sqlite.OptimizeInterval, func(ctx context.Context) { optimize(ctx, db, false, log) })
	jobs.every(time.Hour, func(ctx context.Context) { sweepSessions(ctx, db, scfg.SessionIdle, log) })
	if scfg.Reminders != nil {
		jobs.run(scfg.Reminders.Loop)
	}
	if backups != nil {
		jobs.run(backups.Run)
		log.Info("scheduled backups on", "dir", cfg.Backup.Dir, "every", cfg.Backup.every, "keep", cfg.Backup.keep.String(),
			"encrypted", len(cfg.Backup.recipients) > 0, "first_in", backup.FirstDelay)
	}
	log.Info("leadup serving", "addr", ln.Addr().String(), "db", cfg.DB, "signup", cfg.Signup, "base_url", cfg.BaseURL, "version", versionString())

	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, s := range servers {
		if err := s.Shutdown(shutdownCtx); err != nil {
			return fmt.Errorf("shutdown: %w", err)
		}
	}
	for range servers {
		if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
	}
	// Sign-up mails go out after their answers; they end before the
	// database closes.
	srv.WaitMail()
	log.Info("stopped")
	return nil
}

// backgroundJobs runs serve's jobs (optimize, session sweep, reminders)
// beside the HTTP servers, each in its own goroutine.
type backgroundJobs struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// startJobs makes the jobs' context: it ends with ctx, or at stop.
func startJobs(ctx context.Context) *backgroundJobs {
	j := &backgroundJobs{}
	j.ctx, j.cancel = context.WithCancel(ctx)
	return j
}

// run runs fn until the jobs stop.
func (j *backgroundJobs) run(fn func(context.Context)) {
	j.wg.Go(func() { fn(j.ctx) })
}

// every runs fn each interval until the jobs stop.
func (j *backgroundJobs) every(interval time.Duration, fn func(context.Context)) {
	j.run(func(ctx context.Context) {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				fn(ctx)
			}
		}
	})
}

// stop ends the jobs' context and waits until every job has returned.
func (j *backgroundJobs) stop() {
	j.cancel()
	j.wg.Wait()
}

// sweepSessions deletes ended sessions and form tokens older than
// sqlite.KeepIdempotencyKeys.
func sweepSessions(ctx context.Context, db *sqlite.DB, idle time.Duration, log *slog.Logger) {
	now := db.Now()
	n, err := db.DeleteExpiredSessions(ctx, now, now.Add(-idle))
	logSwept(log, "sessions", n, err)
	n, err = db.DeleteOldIdempotencyKeys(ctx, now.Add(-sqlite.KeepIdempotencyKeys))
	logSwept(log, "form tokens", n, err)
}

func logSwept(log *slog.Logger, what string, n int64, err error) {
	if err != nil {
		log.Error("sweep "+what, "err", err)
	} else if n > 0 {
		log.Debug("swept "+what, "count", n)
	}
}

// healthcheck asks a running server's /healthz, for the container's
// HEALTHCHECK. A wildcard listen address is reached over loopback.
func healthcheck(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("healthcheck: bad address %q: %w", addr, err)
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	url := "http://" + net.JoinHostPort(host, port) + server.HealthPath
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %s", url, resp.Status)
	}
	return nil
}

// optimize refreshes the database's statistics (sqlite.DB.Optimize),
// logging a failure that is not the server stopping.
func optimize(ctx context.Context, db *sqlite.DB, startup bool, log *slog.Logger) {
	if err := db.Optimize(ctx, startup); err != nil && ctx.Err() == nil {
		log.Error("optimize", "err", err)
	}
}
