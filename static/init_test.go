package static

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// The package's start-up work is small: minifying and gzipping the assets
// waits for the first request for one, so that a server answers sooner
// after it starts and idles in less memory. The test reads Go's own
// account of each package's initialisation (GODEBUG=inittrace=1) in a
// fresh process.
func TestInitDefersMinifying(t *testing.T) {
	if os.Getenv("LEADUP_STATIC_INIT_CHILD") != "" {
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestInitDefersMinifying$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "LEADUP_STATIC_INIT_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	// init github.com/leadup/leadup/static @2.1 ms, 0.09 ms clock, 61440 bytes, 20 allocs
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 9 || f[0] != "init" || f[1] != "github.com/leadup/leadup/static" {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			t.Fatalf("unreadable inittrace line %q", line)
		}
		// The digest reads each file once (about 60 KB); minifying and
		// gzipping allocated 3.9 MB.
		const limit = 256 << 10
		if n > limit {
			t.Fatalf("static's initialisation allocated %d bytes, want at most %d: %s", n, limit, line)
		}
		return
	}
	t.Fatalf("no inittrace line for the static package in\n%s", out)
}
