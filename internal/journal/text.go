package journal

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Messages for text that cannot be stored as typed.
const (
	msgInvalidUTF8 = "This text has bytes that are not valid UTF-8. Retype it, or paste it as plain text."
	msgControl     = "This text has an invisible control character (such as NUL or a line break). Remove it and try again."
)

// CheckLine returns a message when s, a one-line field, is not valid
// UTF-8 or holds a control character, tabs and newlines included. Such
// characters break the one-line exports, and search snippets use two of
// them as markers.
func CheckLine(s string) string {
	if !utf8.ValidString(s) {
		return msgInvalidUTF8
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return msgControl
		}
	}
	return ""
}

// cleanLines is multi-line text as typed in a form: Windows line ends made
// plain and control characters removed.
func cleanLines(s string) string { return stripControl(strings.ReplaceAll(s, "\r\n", "\n")) }

// stripControl removes control characters other than newline and tab:
// they have no place in a journal, and search snippets use two of them.
func stripControl(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
}
