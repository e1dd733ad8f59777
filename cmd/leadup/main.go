// Command leadup serves the leadup web app and runs its maintenance tasks.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	_ "time/tzdata" // time zones work in an image without zoneinfo
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "leadup:", err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg + " (see 'leadup help')" }

const usage = `leadup — a journal for leading up.

Usage:
  leadup [serve] [flags]            serve the app (the default)
  leadup migrate up|status [flags]  apply or list database migrations
  leadup user add [-name N] [-timezone Z] [-language L] [flags] EMAIL
                                    add an account; the password is read from stdin
  leadup user passwd [flags] EMAIL  set an account's password and sign it out everywhere
  leadup backup [flags] FILE        write a consistent copy of the database, even while it serves
                                    (encrypted when backup recipients are set)
  leadup backup-status [flags]      the scheduled backups' last success and failure; exit 1 when failing or overdue
  leadup restore [-age-identity KEY] [flags] FILE
                                    replace the database with a backup (the server must be stopped)
  leadup verify-backup [-age-identity KEY] [flags] FILE
                                    check a backup in a temporary folder and count what it holds
  leadup export -user EMAIL -age-recipient KEY [-o FILE] [flags]
                                    one account's JSON export, encrypted to KEY (repeatable)
  leadup healthcheck [flags]        exit 0 when the server's /healthz answers
  leadup remind [-at RFC3339] [flags]  run one reminder pass and exit
  leadup version                    print the version

Flags mirror the environment, and may come before the command as well as after it:
  -addr            LEADUP_ADDR            listen address (127.0.0.1:8080)
  -db              LEADUP_DB              SQLite file (leadup.db)
  -signup          LEADUP_SIGNUP          first, open or closed (first)
  -secure-cookies  LEADUP_SECURE_COOKIES  auto, always or never (auto)
  -log-level       LEADUP_LOG_LEVEL       debug, info, warn or error (info)
  -log-format      LEADUP_LOG_FORMAT      text or json (text)
  -base-url        LEADUP_BASE_URL        public URL, e.g. https://example.com/leadup/
  -trusted-proxies LEADUP_TRUSTED_PROXIES reverse proxies' CIDRs, comma-separated
  -auth-proxy-header LEADUP_AUTH_PROXY_HEADER  header a trusted proxy names the user in
  -logout-url      LEADUP_LOGOUT_URL      where sign-out sends proxy-authenticated users
  -metrics-addr    LEADUP_METRICS_ADDR    listen address for Prometheus /metrics (off)
  -default-language LEADUP_DEFAULT_LANGUAGE  pages' language when the browser asks for none of leadup's (en)
  -smtp-host       LEADUP_SMTP_HOST       mail relay; mail is off when empty
  -smtp-port       LEADUP_SMTP_PORT       relay port (587)
  -smtp-username   LEADUP_SMTP_USERNAME   relay user name
  -smtp-password-file LEADUP_SMTP_PASSWORD_FILE  file holding the relay password
  -smtp-from       LEADUP_SMTP_FROM       sender address
  -smtp-password   LEADUP_SMTP_PASSWORD   relay password (prefer the file)
  -smtp-tls        LEADUP_SMTP_TLS        starttls, implicit or none (starttls)
  -oidc-issuer     LEADUP_OIDC_ISSUER     OpenID provider's issuer URL; OIDC sign-in is off when empty
  -oidc-client-id  LEADUP_OIDC_CLIENT_ID  client id at the provider
  -oidc-client-secret-file LEADUP_OIDC_CLIENT_SECRET_FILE  file holding the client secret
  -oidc-client-secret LEADUP_OIDC_CLIENT_SECRET  client secret (prefer the file)
  -oidc-name       LEADUP_OIDC_NAME       label of the sign-in button (single sign-on)
  -oidc-scopes     LEADUP_OIDC_SCOPES     scopes to ask for (openid email profile)
  -password-login  LEADUP_PASSWORD_LOGIN  on, or off to allow only OIDC or the proxy (on)
  -backup-dir      LEADUP_BACKUP_DIR      folder for scheduled backups; off when empty
  -backup-every    LEADUP_BACKUP_EVERY    time between scheduled backups, at least 1m (24h)
  -backup-keep     LEADUP_BACKUP_KEEP     backups rotation keeps: daily d, weekly w, monthly m (7d,4w)
  -backup-age-recipients LEADUP_BACKUP_AGE_RECIPIENTS  age public keys (age1…), space- or comma-separated
  -backup-age-recipients-file LEADUP_BACKUP_AGE_RECIPIENTS_FILE  age recipients file (age1… or SSH public keys)
  -backup-command  LEADUP_BACKUP_COMMAND  program and arguments run on each new backup, its path as {} or last (no shell)
`

// run is leadup's whole program, with its inputs and outputs passed in so
// that tests can drive it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd, args := commandLine(args)
	switch cmd {
	case "serve":
		cfg, rest, err := parseConfig("serve", args, getenv, stderr)
		if err != nil {
			return err
		}
		if len(rest) > 0 {
			return usageError{fmt.Sprintf("serve takes no arguments, got %q", strings.Join(rest, " "))}
		}
		return serve(ctx, cfg, stderr)
	case "migrate":
		return runMigrate(ctx, args, getenv, stdout, stderr)
	case "user":
		return runUser(ctx, args, getenv, stdin, stdout, stderr)
	case "backup":
		cfg, rest, err := parseConfig(cmd, args, getenv, stderr)
		if err != nil {
			return err
		}
		if len(rest) != 1 {
			return usageError{"backup needs exactly one FILE"}
		}
		return runBackup(ctx, cfg, rest[0], stdout)
	case "restore":
		return runRestore(ctx, args, getenv, stdout, stderr)
	case "verify-backup":
		return runVerifyBackup(ctx, args, getenv, stdout, stderr)
	case "backup-status":
		return runBackupStatus(ctx, args, getenv, stdout, stderr)
	case "export":
		return runExport(ctx, args, getenv, stdout, stderr)
	case "healthcheck":
		cfg, rest, err := parseConfig("healthcheck", args, getenv, stderr)
		if err != nil {
			return err
		}
		if len(rest) > 0 {
			return usageError{fmt.Sprintf("healthcheck takes no arguments, got %q", strings.Join(rest, " "))}
		}
		return healthcheck(ctx, cfg.Addr)
	case "remind":
		return runRemind(ctx, args, getenv, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, versionString())
		return nil
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}

// commandLine splits the arguments into the command and the command's own
// arguments. Flags given before the command mean the same as after it
// (`leadup -db FILE backup OUT` is `leadup backup -db FILE OUT`), so they
// move behind the command, and behind the sub-command of migrate and user.
// With no command left, the command is serve.
func commandLine(args []string) (cmd string, rest []string) {
	if len(args) > 0 && slices.Contains([]string{"-h", "-help", "--help"}, args[0]) {
		return "help", nil
	}
	n := leadingFlags(args)
	flags, rest := args[:n], args[n:]
	cmd = "serve"
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	}
	at := 0
	if (cmd == "migrate" || cmd == "user") && len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		at = 1
	}
	return cmd, slices.Concat(rest[:at], flags, rest[at:])
}

// leadingFlags counts the arguments before the first that is neither a
// flag nor a flag's value. Every leadup flag takes a value (a string), so a
// flag without "=" is followed by its value; the command's own parsing
// then checks both.
func leadingFlags(args []string) int {
	i := 0
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" {
		if args[i] == "--" {
			return i + 1
		}
		if !strings.Contains(args[i], "=") {
			i++
		}
		i++
	}
	return min(i, len(args))
}
