package journal

import (
	_ "embed"
	"strings"
	"sync"
)

// commonPasswordList is zxcvbn's list of the 30,000 most common passwords,
// one a line, most common first; common-passwords.LICENSE says where it is
// from. ASVS 5.0 asks for at least the 3,000 most common. It is embedded
// (242 KB) rather than imported with the zxcvbn module, whose other word
// lists would add 2.2 MB to the binary for nothing.
//
//go:embed common-passwords.txt
var commonPasswordList string

// commonPasswords is the set of listed passwords long enough to pass the
// length rule (shorter ones are refused by it already), lower-cased. It is
// built once, on first use, and never changes.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := map[string]struct{}{}
	for _, p := range strings.Split(commonPasswordList, "\n") {
		if len([]rune(p)) >= MinPasswordChars {
			set[strings.ToLower(p)] = struct{}{}
		}
	}
	return set
})

// IsCommonPassword reports whether s, ignoring case, is one of the most
// common passwords: the first ones anyone guessing tries.
func IsCommonPassword(s string) bool {
	_, ok := commonPasswords()[strings.ToLower(s)]
	return ok
}
