package mailer

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxHeaderLine is the longest header line written where words allow it:
// RFC 2047 §2 limits a line holding an encoded-word to 76 characters.
const maxHeaderLine = 76

// headerValue returns value for the header field name as it goes on the
// wire: Q-encoded (RFC 2047) when it is not printable ASCII, and folded
// between words (RFC 5322 §2.2.3) so that lines stay within
// maxHeaderLine, but never straight after the colon: the first word
// always shares the field name's line. go-mail's own folding puts a long
// first word on a line of its own, which some readers show as an empty
// Subject.
func headerValue(name, value string) string {
	var words []string
	if printableASCII(value) {
		words = strings.Fields(value)
	} else {
		words = qWords(value, maxHeaderLine-len(name)-len(": "))
	}
	var b strings.Builder
	line := len(name) + len(": ")
	for i, w := range words {
		switch {
		case i == 0:
		case line+1+len(w) > maxHeaderLine:
			b.WriteString("\r\n ")
			line = 1
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// qWords encodes s as UTF-8 Q encoded-words of at most max characters
// each. A word never splits a character; spaces are encoded as "_", so a
// reader that joins the words, ignoring the folding between them, gets s.
func qWords(s string, max int) []string {
	const open, end = "=?UTF-8?q?", "?="
	room := max - len(open) - len(end)
	var words []string
	var cur strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		enc := qRune(r)
		if cur.Len() > 0 && cur.Len()+len(enc) > room {
			words = append(words, open+cur.String()+end)
			cur.Reset()
		}
		cur.WriteString(enc)
	}
	if cur.Len() > 0 {
		words = append(words, open+cur.String()+end)
	}
	return words
}

// qRune is one character in RFC 2047's Q encoding, keeping only the
// characters it allows in any header (§5 rule 3) as they are.
func qRune(r rune) string {
	switch {
	case r == ' ':
		return "_"
	case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!*+-/", r)):
		return string(r)
	}
	var b strings.Builder
	var buf [utf8.UTFMax]byte
	for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
		fmt.Fprintf(&b, "=%02X", c)
	}
	return b.String()
}
