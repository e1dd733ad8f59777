package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"

	"github.com/leadup/leadup/internal/server"
)

// config is leadup's configuration, read once from the environment and
// flags.
type config struct {
	Addr          string
	DB            string
	Signup        string
	SecureCookies string
	LogLevel      string
}

// parseConfig reads the environment, then flags, which win. It returns the
// arguments left after the flags.
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer) (config, []string, error) {
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	var c config
	fs := flag.NewFlagSet("leadup "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", env("LEADUP_ADDR", "127.0.0.1:8080"), "listen address")
	fs.StringVar(&c.DB, "db", env("LEADUP_DB", "leadup.db"), "SQLite database file")
	fs.StringVar(&c.Signup, "signup", env("LEADUP_SIGNUP", server.SignupFirst), "who may sign up: first, open or closed")
	fs.StringVar(&c.SecureCookies, "secure-cookies", env("LEADUP_SECURE_COOKIES", server.SecureAuto), "Secure cookies: auto, always or never")
	fs.StringVar(&c.LogLevel, "log-level", env("LEADUP_LOG_LEVEL", "info"), "debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, nil, usageError{"help requested"}
		}
		return c, nil, usageError{err.Error()}
	}
	if err := c.validate(); err != nil {
		return c, nil, err
	}
	return c, fs.Args(), nil
}

func (c config) validate() error {
	if !slices.Contains([]string{server.SignupFirst, server.SignupOpen, server.SignupClosed}, c.Signup) {
		return fmt.Errorf("LEADUP_SIGNUP is %q; use first, open or closed", c.Signup)
	}
	if !slices.Contains([]string{server.SecureAuto, server.SecureAlways, server.SecureNever}, c.SecureCookies) {
		return fmt.Errorf("LEADUP_SECURE_COOKIES is %q; use auto, always or never", c.SecureCookies)
	}
	if _, err := c.level(); err != nil {
		return err
	}
	if c.DB == "" {
		return errors.New("LEADUP_DB is empty; name a database file")
	}
	return nil
}

func (c config) level() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return l, fmt.Errorf("LEADUP_LOG_LEVEL is %q; use debug, info, warn or error", c.LogLevel)
	}
	return l, nil
}

func (c config) logger(w io.Writer) *slog.Logger {
	l, _ := c.level()
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}
