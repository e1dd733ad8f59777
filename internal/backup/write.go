package backup

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"filippo.io/age"
)

// Snapshotter writes a consistent, checked copy of the database into a new
// private file at path, without holding the database's writer.
// *sqlite.DB is one.
type Snapshotter interface {
	Snapshot(ctx context.Context, path string) error
}

// Write takes one backup into dest, which must not exist. The database is
// first copied into plain, a private file beside the database (never in
// dest's folder, which may be shared or synced elsewhere); plain is then
// copied into a temporary name beside dest, encrypted to recipients when
// there are any, synced, and renamed to dest, and the folder is synced. A
// failure at any step leaves no dest, and plain and the temporary file are
// removed whatever happens. It returns dest's size.
func Write(ctx context.Context, snap Snapshotter, plain, dest string, recipients []age.Recipient) (int64, error) {
	if _, err := os.Lstat(dest); err == nil {
		return 0, fmt.Errorf("%s already exists; choose a new file name", dest)
	}
	defer os.Remove(plain)
	if err := snap.Snapshot(ctx, plain); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	tmp := tempName(dest)
	defer os.Remove(tmp)
	if err := copyOrEncrypt(plain, tmp, recipients); err != nil {
		return 0, fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := publish(tmp, dest); err != nil {
		return 0, err
	}
	info, err := os.Stat(dest)
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// WriteEncrypted writes what fill writes, encrypted to recipients, into
// dest, which must not exist: through a temporary name beside it, synced,
// then renamed, so that dest is either whole or absent.
func WriteEncrypted(dest string, recipients []age.Recipient, fill func(io.Writer) error) error {
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", dest)
	}
	tmp := tempName(dest)
	defer os.Remove(tmp)
	if err := writeNew(tmp, func(w io.Writer) error { return EncryptTo(w, recipients, fill) }); err != nil {
		return err
	}
	return publish(tmp, dest)
}

// tempName is a name beside dest that no other backup uses, and that
// begins with a dot and dest's name, so that leftovers can be found.
func tempName(dest string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".tmp-"+hex.EncodeToString(b))
}

// publish gives the complete file tmp its name dest, never replacing a
// file there, and syncs the folder so that the name survives a crash. A
// hard link refuses an existing dest; where the file system has no hard
// links, a rename after checking does.
func publish(tmp, dest string) error {
	err := os.Link(tmp, dest)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		if _, serr := os.Lstat(dest); serr == nil {
			return fmt.Errorf("%s already exists", dest)
		}
		err = os.Rename(tmp, dest)
	}
	if err != nil {
		return fmt.Errorf("publish %s: %w", dest, err)
	}
	return syncDir(filepath.Dir(dest))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
