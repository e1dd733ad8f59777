package mailer

import (
	"mime"
	"net/mail"
	"strings"
	"testing"
)

// TestHeaderValue writes fields as a mail would carry them and reads them
// back with net/mail and mime's decoder.
func TestHeaderValue(t *testing.T) {
	for _, subject := range []string{
		"Short",
		"Your 1:1 with Dana Scully-Mulder the very long name: note it while it is fresh",
		"Your 1:1 with Zoë Müller-Lüdenscheidt: note it while it is fresh",
		"日本語の件名がとても長い場合にも、一行は七十六文字を超えないこと",
		"A_subject with = and ? and _underscores_",
		"Line\r\nBcc: someone@example.com",
		"Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword and more",
	} {
		field := "Subject: " + headerValue("Subject", subject)
		for i, line := range strings.Split(field, "\r\n") {
			if i == 0 && strings.TrimSpace(strings.TrimPrefix(line, "Subject:")) == "" {
				t.Errorf("%q: folded straight after the colon", subject)
			}
			if len(line) > maxHeaderLine && strings.Contains(line, "=?") {
				t.Errorf("%q: encoded line of %d characters: %q", subject, len(line), line)
			}
		}
		msg, err := mail.ReadMessage(strings.NewReader(field + "\r\n\r\nbody"))
		if err != nil {
			t.Fatalf("%q: %v", subject, err)
		}
		if len(msg.Header) != 1 {
			t.Errorf("%q: %d header fields, want 1", subject, len(msg.Header))
		}
		got, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		want := strings.Join(strings.Fields(subject), " ")
		if strings.ContainsAny(subject, "\r\n") {
			want = subject // encoded as it is, never a second field
		}
		if err != nil || got != want {
			t.Errorf("read back %q (%v), want %q", got, err, want)
		}
	}
}
