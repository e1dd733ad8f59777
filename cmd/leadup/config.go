package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"net/url"
	"slices"
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/server"
)

// config is leadup's configuration, read once from the environment and
// flags.
type config struct {
	Addr            string
	DB              string
	Signup          string
	SecureCookies   string
	LogLevel        string
	LogFormat       string
	BaseURL         string
	TrustedProxies  string
	AuthProxyHeader string
	LogoutURL       string
	MetricsAddr     string
	DefaultLanguage string
	SMTP            smtpConfig
	OIDC            oidcConfig
	Backup          backupConfig

	// Derived by validate.
	basePath, publicOrigin string
	proxies                []netip.Prefix
	languages              *i18n.Catalog
}

// parseConfig reads the environment, then flags, which win. It returns the
// arguments left after the flags. A sub-command registers its own flags
// (like user add's -name) with own, on the same FlagSet as the shared ones.
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer, own ...func(*flag.FlagSet)) (config, []string, error) {
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
	fs.StringVar(&c.LogFormat, "log-format", env("LEADUP_LOG_FORMAT", "text"), "text or json")
	fs.StringVar(&c.BaseURL, "base-url", env("LEADUP_BASE_URL", ""), "public URL, such as https://example.com/leadup/")
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", env("LEADUP_TRUSTED_PROXIES", ""), "CIDRs of reverse proxies, comma-separated")
	fs.StringVar(&c.AuthProxyHeader, "auth-proxy-header", env("LEADUP_AUTH_PROXY_HEADER", ""), "header a trusted proxy names the user in, such as Remote-Email")
	fs.StringVar(&c.LogoutURL, "logout-url", env("LEADUP_LOGOUT_URL", ""), "where sign-out sends proxy-authenticated users")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("LEADUP_METRICS_ADDR", ""), "listen address for /metrics; off when empty")
	fs.StringVar(&c.DefaultLanguage, "default-language", env("LEADUP_DEFAULT_LANGUAGE", i18n.Source.String()),
		"language of pages for visitors whose browser asks for none of leadup's")
	c.SMTP.flags(fs, env)
	c.OIDC.flags(fs, env)
	c.Backup.flags(fs, env)
	for _, register := range own {
		register(fs)
	}
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

func (c *config) validate() error {
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
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("LEADUP_LOG_FORMAT is %q; use text or json", c.LogFormat)
	}
	if err := c.parseBaseURL(); err != nil {
		return err
	}
	langs, err := i18n.Load(c.DefaultLanguage)
	if err != nil {
		return fmt.Errorf("LEADUP_DEFAULT_LANGUAGE: %w", err)
	}
	c.languages = langs
	if err := c.SMTP.validate(c.BaseURL); err != nil {
		return err
	}
	for _, field := range strings.FieldsFunc(c.TrustedProxies, func(r rune) bool { return r == ',' || r == ' ' }) {
		p, err := netip.ParsePrefix(field)
		if err != nil {
			addr, aerr := netip.ParseAddr(field)
			if aerr != nil {
				return fmt.Errorf("LEADUP_TRUSTED_PROXIES: %q is not a CIDR such as 10.0.0.0/8 or an IP address", field)
			}
			p = netip.PrefixFrom(addr, addr.BitLen())
		}
		c.proxies = append(c.proxies, p.Masked())
	}
	if c.AuthProxyHeader != "" && len(c.proxies) == 0 {
		return errors.New("LEADUP_AUTH_PROXY_HEADER needs LEADUP_TRUSTED_PROXIES: without them any client could name any user")
	}
	if err := c.OIDC.validate(c.BaseURL, c.AuthProxyHeader != ""); err != nil {
		return err
	}
	if err := c.Backup.validate(c.DB); err != nil {
		return err
	}
	if c.LogoutURL != "" {
		u, err := url.Parse(c.LogoutURL)
		if err != nil || !(u.Scheme == "https" || u.Scheme == "http" || (u.Scheme == "" && strings.HasPrefix(c.LogoutURL, "/") && !strings.HasPrefix(c.LogoutURL, "//"))) {
			return fmt.Errorf("LEADUP_LOGOUT_URL is %q; use an http(s) URL or a path", c.LogoutURL)
		}
	}
	return nil
}

// parseBaseURL splits LEADUP_BASE_URL into the public origin and the path
// leadup is served under.
func (c *config) parseBaseURL() error {
	if c.BaseURL == "" {
		return nil
	}
	u, err := url.Parse(c.BaseURL)
	bad := fmt.Errorf("LEADUP_BASE_URL is %q; use a URL such as https://leadup.example.com/ or https://example.com/leadup/", c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return bad
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	if strings.ContainsAny(path, `"'<> \`) {
		return bad
	}
	c.basePath, c.publicOrigin = path, u.Scheme+"://"+u.Host
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
	opts := &slog.HandlerOptions{Level: l}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
