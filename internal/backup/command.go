package backup

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ParseCommand reads LEADUP_BACKUP_COMMAND, an argument list run without a
// shell: either a JSON array (["rclone", "copy", "{}", "remote:my bucket"])
// or words separated by spaces (restic backup --quiet). See CommandArgs
// for where the backup's path goes.
func ParseCommand(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if !strings.HasPrefix(s, "[") {
		return strings.Fields(s), nil
	}
	var args []string
	if err := json.Unmarshal([]byte(s), &args); err != nil || len(args) == 0 || args[0] == "" {
		return nil, fmt.Errorf("LEADUP_BACKUP_COMMAND is %q; use a JSON array of strings such as [\"rclone\", \"copy\"], or words separated by spaces", s)
	}
	return args, nil
}

// runCommand runs the configured command on the backup at path, for at
// most one backup interval, and logs its exit status and output. A failure
// is recorded like a failed backup: a copy that stopped leaving the machine
// must show. The backup itself stays, and counts in the rotation.
func (s *Scheduler) runCommand(ctx context.Context, path string) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Every)
	defer cancel()
	args := CommandArgs(s.cfg.Command[1:], path)
	cmd := exec.CommandContext(ctx, s.cfg.Command[0], args...)
	var out limitedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = 5 * time.Second
	began := time.Now()
	err := cmd.Run()
	took := time.Since(began).Round(time.Millisecond)
	code := -1
	if cmd.ProcessState != nil {
		code = cmd.ProcessState.ExitCode()
	}
	output := strings.TrimSpace(out.String())
	if err == nil {
		s.cfg.Log.Info("backup command done", "command", s.cfg.Command[0], "file", path, "exit_status", code, "took", took, "output", output)
		return
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) && ctx.Err() != nil {
		err = fmt.Errorf("%w (stopped after %s)", err, took)
	}
	s.cfg.Log.Error("backup command failed", "command", s.cfg.Command[0], "file", path, "exit_status", code, "took", took, "err", err, "output", output)
	s.fail(ctx, fmt.Sprintf("backup command %s failed (exit status %d): %v", s.cfg.Command[0], code, err))
}

// CommandArgs is the command's arguments for the backup at path: each
// argument that is exactly {} becomes the path; with none, the path is
// added last.
func CommandArgs(args []string, path string) []string {
	out := make([]string, 0, len(args)+1)
	placed := false
	for _, a := range args {
		if a == "{}" {
			a, placed = path, true
		}
		out = append(out, a)
	}
	if !placed {
		out = append(out, path)
	}
	return out
}

// limitedBuffer keeps the first commandOutputLimit bytes written to it.
type limitedBuffer struct {
	bytes.Buffer
	dropped bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := commandOutputLimit - b.Len(); room < len(p) {
		b.Buffer.Write(p[:max(room, 0)])
		b.dropped = true
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

func (b *limitedBuffer) String() string {
	if b.dropped {
		return b.Buffer.String() + " …(cut)"
	}
	return b.Buffer.String()
}
