package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/term"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/sqlite"
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it the module version from the build info is used.
var version = ""

func versionString() string {
	v, rev, modified := version, "", false
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	if rev != "" {
		v += " " + rev[:min(12, len(rev))]
		if modified {
			v += "+dirty"
		}
	}
	return "leadup " + v
}

func runMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"migrate needs up or status"}
	}
	sub := args[0]
	cfg, _, err := parseConfig("migrate "+sub, args[1:], getenv, stderr)
	if err != nil {
		return err
	}
	switch sub {
	case "up":
		db, err := sqlite.OpenNoMigrate(cfg.DB)
		if err != nil {
			return err
		}
		defer db.Close()
		res, err := sqlite.MigrateUp(ctx, db, sqlite.WithProgress(cfg.logger(stderr)))
		for _, r := range res {
			if r.Error == nil {
				fmt.Fprintf(stdout, "applied %s (%s)\n", r.Source.Path, r.Duration.Round(1e6))
			}
		}
		if err != nil {
			return err
		}
		if len(res) == 0 {
			fmt.Fprintln(stdout, "nothing to apply: the database is up to date")
		}
		return nil
	case "status":
		list, err := sqlite.MigrationStatus(ctx, cfg.DB)
		if err != nil {
			return err
		}
		for _, m := range list {
			state, at := "pending", ""
			if !m.AppliedAt.IsZero() {
				state, at = "applied", m.AppliedAt.UTC().Format("2006-01-02 15:04:05Z")
			}
			fmt.Fprintf(stdout, "%-8s %-28s %s\n", state, m.Name, at)
		}
		return nil
	default:
		return usageError{fmt.Sprintf("unknown migrate command %q; use up or status", sub)}
	}
}

func runUser(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"user needs add or passwd"}
	}
	sub, args := args[0], args[1:]
	if sub != "add" && sub != "passwd" {
		return usageError{fmt.Sprintf("unknown user command %q; use add or passwd", sub)}
	}
	var name, zone, lang string
	cfg, rest, err := parseConfig("user "+sub, args, getenv, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&name, "name", "", "display name (default: the part of the email before @)")
		fs.StringVar(&zone, "timezone", "UTC", "IANA time zone")
		fs.StringVar(&lang, "language", "", "the account's language, such as de (default: LEADUP_DEFAULT_LANGUAGE)")
	})
	if err != nil {
		return err
	}
	if lang == "" {
		lang = cfg.languages.Default()
	}
	if !cfg.languages.Has(lang) {
		return usageError{fmt.Sprintf("-language %q is not one of leadup's languages (%s)", lang, strings.Join(cfg.languages.Tags(), ", "))}
	}
	if len(rest) != 1 {
		return usageError{"user " + sub + " needs exactly one EMAIL"}
	}
	email := journal.NormalizeEmail(rest[0])
	pw, err := readPassword(stdin, stderr)
	if err != nil {
		return err
	}
	db, err := sqlite.Open(ctx, cfg.DB, sqlite.WithProgress(cfg.logger(stderr)))
	if err != nil {
		return err
	}
	defer db.Close()
	uc := core.New(db)
	hasher := password.NewHasher(password.Default)

	if sub == "passwd" {
		if msg := journal.CheckPassword(pw); msg != "" {
			return errors.New("password: " + msg)
		}
		hash, err := hasher.Hash(pw)
		if err != nil {
			return err
		}
		// The same change as the settings page's: it ends every session,
		// API token, calendar feed and device cookie of the account.
		if _, err := uc.ResetPassword(ctx, email, hash); err != nil {
			return fmt.Errorf("%s: %s", email, operatorMessage(err))
		}
		fmt.Fprintf(stdout, "password changed for %s; its sessions, API tokens, calendar feed and known browsers have ended\n", email)
		return nil
	}

	if name == "" {
		name, _, _ = strings.Cut(email, "@")
	}
	su := journal.Signup{Email: email, Password: pw, DisplayName: name, TimeZone: zone, Language: lang}
	if err := su.Validate(); err != nil {
		fields := journal.FieldErrors(err)
		var msgs []string
		for _, field := range slices.Sorted(maps.Keys(fields)) {
			msgs = append(msgs, field+": "+fields[field])
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	hash, err := hasher.Hash(pw)
	if err != nil {
		return err
	}
	// The web's own way of making an account; the operator adds accounts
	// whatever the sign-up mode says.
	u, err := uc.CreateAccount(ctx, su, hash, journal.SignupOperator)
	if err != nil {
		return fmt.Errorf("%s: %s", email, operatorMessage(err))
	}
	fmt.Fprintf(stdout, "added %s (%s)\n", u.Email, u.PublicID)
	return nil
}

// operatorMessage is what the command line says of err: the safe message
// of an application error, and the whole cause of any other, since the
// operator at the terminal is the one who has to fix it.
func operatorMessage(err error) string {
	if journal.ErrorCode(err) == journal.EINTERNAL {
		return err.Error()
	}
	return journal.ErrorMessage(err)
}

// readPassword reads a password: from a terminal without echo and twice,
// otherwise the first line of stdin.
func readPassword(stdin io.Reader, stderr io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stderr, "Password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(stderr, "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New("the two passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
