package backup

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"golang.org/x/crypto/ssh"
)

// sshKey writes an unencrypted OpenSSH ed25519 key pair into dir and
// returns the private key's path and the public key's line.
func sshKey(t *testing.T, dir string) (private, public string) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	private = filepath.Join(dir, "id_ed25519")
	writeFile(t, private, string(pem.EncodeToMemory(block)))
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return private, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sp))) + " owner@laptop"
}

// TestRecipientsAndIdentities: a backup encrypted to keys from the list
// and the recipients file (age and SSH) opens with each identity.
func TestRecipientsAndIdentities(t *testing.T) {
	dir := t.TempDir()
	a, _ := age.GenerateX25519Identity()
	b, _ := age.GenerateX25519Identity()
	sshPrivate, sshPublic := sshKey(t, dir)
	file := filepath.Join(dir, "recipients.txt")
	writeFile(t, file, "# the owner's laptop\n"+sshPublic+"\n\n"+b.Recipient().String()+"\n")
	recipients, err := ParseRecipients(a.Recipient().String()+", ", file)
	if err != nil {
		t.Fatal(err)
	}
	if len(recipients) != 3 {
		t.Fatalf("got %d recipients, want 3", len(recipients))
	}
	src := filepath.Join(dir, "plain")
	writeFile(t, src, sqliteHeader+"notes")
	enc := filepath.Join(dir, "backup.age")
	in, _ := os.Open(src)
	if err := EncryptStream(enc, in, recipients); err != nil {
		t.Fatal(err)
	}
	in.Close()
	if ok, err := IsEncrypted(enc); !ok || err != nil {
		t.Errorf("IsEncrypted(backup) = %v, %v", ok, err)
	}
	if ok, _ := IsEncrypted(src); ok {
		t.Error("IsEncrypted(plain SQLite) = true")
	}
	aFile := filepath.Join(dir, "a.txt")
	writeFile(t, aFile, "# created: now\n"+a.String()+"\n")
	for i, identity := range []string{aFile, sshPrivate} {
		ids, err := ReadIdentities(identity)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out"+string(rune('0'+i)))
		if err := Decrypt(enc, out, ids); err != nil {
			t.Fatalf("decrypt with %s: %v", identity, err)
		}
		if got, _ := os.ReadFile(out); string(got) != sqliteHeader+"notes" {
			t.Errorf("decrypted with %s: %q", identity, got)
		}
	}
	// A wrong key fails and leaves nothing.
	c, _ := age.GenerateX25519Identity()
	out := filepath.Join(dir, "wrong")
	if err := Decrypt(enc, out, []age.Identity{c}); err == nil {
		t.Error("a wrong identity decrypted the backup")
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed decryption left a file")
	}
}

func TestParseRecipientsRefuses(t *testing.T) {
	id, _ := age.GenerateX25519Identity()
	empty := filepath.Join(t.TempDir(), "empty")
	writeFile(t, empty, "# nothing\n")
	tests := []struct{ name, list, file, want string }{
		{"not a key", "age1nope", "", "LEADUP_BACKUP_AGE_RECIPIENTS"},
		{"a private key", id.String(), "", "private key"},
		{"missing file", "", "/nonexistent/recipients", "LEADUP_BACKUP_AGE_RECIPIENTS_FILE"},
		{"empty file", "", empty, "no recipient"},
	}
	for _, tt := range tests {
		_, err := ParseRecipients(tt.list, tt.file)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error mentioning %q", tt.name, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), id.String()) {
			t.Errorf("the error shows the private key: %v", err)
		}
	}
}
