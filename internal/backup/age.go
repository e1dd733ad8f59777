package backup

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"filippo.io/age"
	"filippo.io/age/agessh"
)

// ageHeader begins every file age writes in its binary form.
const ageHeader = "age-encryption.org/v1\n"

// ParseRecipients reads the public keys backups are encrypted to: list
// holds age1… keys separated by spaces or commas (LEADUP_BACKUP_AGE_RECIPIENTS),
// file names a recipients file in age's format (one key per line, age1… or
// an SSH public key such as ssh-ed25519 AAAA…, # comments). Either may be
// empty; with both empty there are no recipients and backups stay plain.
func ParseRecipients(list, file string) ([]age.Recipient, error) {
	var out []age.Recipient
	for _, key := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' }) {
		r, err := parseRecipient(key)
		if err != nil {
			return nil, fmt.Errorf("LEADUP_BACKUP_AGE_RECIPIENTS: %w", err)
		}
		out = append(out, r)
	}
	if file == "" {
		return out, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("LEADUP_BACKUP_AGE_RECIPIENTS_FILE: %w", err)
	}
	n := 0
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := parseRecipient(line)
		if err != nil {
			return nil, fmt.Errorf("LEADUP_BACKUP_AGE_RECIPIENTS_FILE: %s line %d: %w", file, i+1, err)
		}
		out = append(out, r)
		n++
	}
	if n == 0 {
		return nil, fmt.Errorf("LEADUP_BACKUP_AGE_RECIPIENTS_FILE: %s holds no recipient", file)
	}
	return out, nil
}

// ParseRecipient reads one public key: age1… (X25519), age1pq1… (hybrid
// post-quantum) or an SSH public key line (ssh-ed25519, ssh-rsa).
func ParseRecipient(key string) (age.Recipient, error) { return parseRecipient(key) }

func parseRecipient(key string) (age.Recipient, error) {
	if strings.HasPrefix(key, "ssh-") {
		r, err := agessh.ParseRecipient(key)
		if err != nil {
			return nil, fmt.Errorf("SSH public key: %w", err)
		}
		return r, nil
	}
	if strings.HasPrefix(key, "AGE-SECRET-KEY-") {
		// Never echo it: it is a private key in the wrong place.
		return nil, errors.New("a private key (AGE-SECRET-KEY-…) where a public key (age1…) belongs; leadup needs only the public key")
	}
	rs, err := age.ParseRecipients(strings.NewReader(key))
	if err != nil {
		return nil, fmt.Errorf("%q is not an age public key (age1…) or SSH public key: %v", key, err)
	}
	return rs[0], nil
}

// ReadIdentities reads the private keys of an identity file: age's format
// (AGE-SECRET-KEY-1… lines) or an unencrypted OpenSSH private key.
func ReadIdentities(path string) ([]age.Identity, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	if bytes.Contains(data, []byte("-----BEGIN")) {
		id, err := agessh.ParseIdentity(data)
		if err != nil {
			return nil, fmt.Errorf("identity %s: %w (a passphrase-protected key must be decrypted with the age tool)", path, err)
		}
		return []age.Identity{id}, nil
	}
	ids, err := age.ParseIdentities(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("identity %s: %w", path, err)
	}
	return ids, nil
}

// IsEncrypted reports whether the file at path is an age file.
func IsEncrypted(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(ageHeader))
	if _, err := io.ReadFull(f, head); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return false, nil
		}
		return false, err
	}
	return string(head) == ageHeader, nil
}

// Decrypt writes the plaintext of the age file src to dest, a new file
// made private (0600), synced to disk. A wrong identity or a changed byte
// fails, and leaves no dest.
func Decrypt(src, dest string, ids []age.Identity) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	r, err := age.Decrypt(bufio.NewReaderSize(in, 1<<16), ids...)
	if err != nil {
		return fmt.Errorf("decrypt %s: %w", src, err)
	}
	err = writeNew(dest, func(w io.Writer) error {
		_, err := io.Copy(w, r)
		return err
	})
	if err != nil {
		return fmt.Errorf("decrypt %s: %w", src, err)
	}
	return nil
}

// EncryptStream writes what r holds, encrypted to recipients, into the new
// file dest (0600), synced to disk.
func EncryptStream(dest string, r io.Reader, recipients []age.Recipient) error {
	return writeNew(dest, func(w io.Writer) error {
		return EncryptTo(w, recipients, func(aw io.Writer) error {
			_, err := io.Copy(aw, r)
			return err
		})
	})
}

// EncryptTo writes what fill writes to w, encrypted to recipients.
func EncryptTo(w io.Writer, recipients []age.Recipient, fill func(io.Writer) error) error {
	aw, err := age.Encrypt(w, recipients...)
	if err != nil {
		return err
	}
	if err := fill(aw); err != nil {
		return err
	}
	return aw.Close()
}

// copyOrEncrypt writes src into the new file dest: encrypted when there
// are recipients, as it is when there are none.
func copyOrEncrypt(src, dest string, recipients []age.Recipient) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if len(recipients) > 0 {
		return EncryptStream(dest, in, recipients)
	}
	return writeNew(dest, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// writeNew makes a new 0600 file at path, fills it, and syncs it; on any
// failure the file is removed.
func writeNew(path string, fill func(io.Writer) error) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
		}
	}()
	w := bufio.NewWriterSize(f, 1<<16)
	if err := fill(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Sync()
}
