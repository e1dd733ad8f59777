package journal

import (
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
