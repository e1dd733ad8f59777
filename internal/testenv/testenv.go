// Package testenv holds the one rule for tests that need a program from
// outside Go (Chromium, the OpenID provider, Litestream, Debian's Python
// iCalendar readers): on a developer's
// machine without it the test is skipped; with LEADUP_REQUIRE_BROWSER=1,
// as .ci/run sets after installing every one, a missing program fails the
// test instead, so CI can never pass by skipping.
package testenv

import (
	"os"
	"testing"
)

// Missing ends the test for want of what: a skip, or with
// LEADUP_REQUIRE_BROWSER=1 a failure. install says how to get it.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	if os.Getenv("LEADUP_REQUIRE_BROWSER") == "1" {
		t.Fatalf("LEADUP_REQUIRE_BROWSER=1 but %s is missing; %s", what, install)
		return
	}
	t.Skipf("%s is missing (%s); set LEADUP_REQUIRE_BROWSER=1 to make this a failure", what, install)
}

// Program returns the path named by the environment variable env, or ends
// the test through Missing when it is not set.
func Program(t testing.TB, env, install string) string {
	t.Helper()
	path := os.Getenv(env)
	if path == "" {
		Missing(t, env, install)
	}
	return path
}
