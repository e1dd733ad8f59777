package journal

import (
	"runtime"
	"strings"
	"testing"
)

func TestCommonPasswordsRefused(t *testing.T) {
	for _, pw := range []string{"password123", "1234567890", "qwertyuiop", "QwertyUiop", "iloveyou123", "1q2w3e4r5t"} {
		if msg := CheckPassword(pw); !strings.Contains(msg, "most common passwords") {
			t.Errorf("CheckPassword(%q) = %q, want it refused as common", pw, msg)
		}
	}
	for _, pw := range []string{"correct horse battery", "plum kettle orbit 42", "a brand new passphrase"} {
		if msg := CheckPassword(pw); msg != "" {
			t.Errorf("CheckPassword(%q) = %q, want it accepted", pw, msg)
		}
	}
	// Every password of the list is refused, by the length rule or as
	// common, and the list reaches well past the 3,000 most common that
	// ASVS 5.0 asks for.
	list := strings.Fields(commonPasswordList)
	if len(list) < 3000 {
		t.Fatalf("the list has only %d passwords", len(list))
	}
	for _, pw := range list {
		if CheckPassword(pw) == "" {
			t.Errorf("the common password %q is accepted", pw)
		}
	}
}

// TestCommonPasswordSetIsCompact: building the set allocates little more
// than the set itself, not a copy of the 30,000-line list.
func TestCommonPasswordSetIsCompact(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	set := buildCommonPasswords()
	runtime.ReadMemStats(&after)
	if len(set) < 1000 {
		t.Fatalf("the set has %d passwords, want the list's 1,090 long ones", len(set))
	}
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(160<<10); got > limit {
		t.Fatalf("building the set of %d passwords allocated %d bytes, want at most %d", len(set), got, limit)
	}
}
