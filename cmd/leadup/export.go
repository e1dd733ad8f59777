package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"filippo.io/age"
	"golang.org/x/term"

	"github.com/leadup/leadup/internal/backup"
	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// recipientsFlag collects repeated -age-recipient keys.
type recipientsFlag []age.Recipient

func (r *recipientsFlag) String() string { return "" }

func (r *recipientsFlag) Set(key string) error {
	rec, err := backup.ParseRecipient(strings.TrimSpace(key))
	if err != nil {
		return err
	}
	*r = append(*r, rec)
	return nil
}

// runExport is `leadup export -user EMAIL -age-recipient KEY [-o FILE]`:
// one account's JSON export, encrypted to the recipients, for someone
// leaving a server. Without -o it goes to standard output.
func runExport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var email, out string
	var recipients recipientsFlag
	cfg, rest, err := parseConfig("export", args, getenv, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "user", "", "the account's email")
		fs.Var(&recipients, "age-recipient", "age public key (age1…) or SSH public key to encrypt to; repeat for more")
		fs.StringVar(&out, "o", "", "file to write (new); standard output when empty")
	})
	if err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return usageError{fmt.Sprintf("export takes no arguments, got %q", strings.Join(rest, " "))}
	case email == "":
		return usageError{"export needs -user EMAIL"}
	case len(recipients) == 0:
		return usageError{"export needs -age-recipient KEY: the export is written encrypted, for its owner's key"}
	}
	if f, ok := stdout.(*os.File); ok && out == "" && term.IsTerminal(int(f.Fd())) {
		return usageError{"export writes an encrypted file: name it with -o FILE, or redirect standard output"}
	}
	if _, err := os.Stat(cfg.DB); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	db, err := sqlite.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	email = journal.NormalizeEmail(email)
	u, err := db.FindUserByEmail(ctx, email)
	if err != nil {
		return fmt.Errorf("export: %s: %s", email, operatorMessage(err))
	}
	uc := core.New(db)
	// The same JSON export as GET /export.json: the writer, given the
	// reminders, over core.Export's one snapshot.
	write := func(w io.Writer) error {
		jw, err := export.NewJSONWriter(w, u, time.Now())
		if err != nil {
			return err
		}
		if err := uc.Export(ctx, u.ID, jw, func(r core.Reminders) { jw.SetReminders(r.Schedules, r.Settings) }); err != nil {
			return err
		}
		return jw.Close()
	}
	if out == "" {
		return backup.EncryptTo(stdout, recipients, write)
	}
	if err := backup.WriteEncrypted(out, recipients, write); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(stderr, "exported %s to %s, encrypted to %d age recipient(s)\n", email, out, len(recipients))
	return nil
}
