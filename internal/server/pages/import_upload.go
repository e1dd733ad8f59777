package pages

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
)

// upload is an import's file, received whole before anything is written:
// in memory while small, beyond that in a file beside the database (the
// container's root is read-only and has no /tmp).
type upload struct {
	mem  []byte
	file *os.File
	size int64
}

// receiveUpload reads the request's "file" part to its end. A body that
// stops early (the client went away, or stalled past the deadline) is an
// *uploadCutError; one over the limit an *http.MaxBytesError.
func receiveUpload(r *http.Request, dir string, memLimit int64) (*upload, error) {
	r.Body = cutReader{r.Body}
	part, err := importPart(r)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	n, err := io.CopyN(&buf, part, memLimit+1)
	if errors.Is(err, io.EOF) {
		return &upload{mem: buf.Bytes(), size: n}, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, ".leadup-import-*") // mode 0600
	if err != nil {
		return nil, fmt.Errorf("import: spool file: %w", err)
	}
	// Unlinked at once: the open file lives until closed, and a crash
	// leaves nothing behind.
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, fmt.Errorf("import: spool file: %w", err)
	}
	up := &upload{file: f}
	if up.size, err = io.Copy(f, io.MultiReader(&buf, part)); err != nil {
		up.Close()
		return nil, err
	}
	return up, nil
}

// Open returns a reader of the whole upload from its start; each call
// starts again.
func (u *upload) Open() (io.Reader, error) {
	if u.file == nil {
		return bytes.NewReader(u.mem), nil
	}
	return io.NewSectionReader(u.file, 0, u.size), nil
}

// Close lets go of the upload (and its file).
func (u *upload) Close() error {
	if u.file == nil {
		return nil
	}
	return u.file.Close()
}

// importPart returns the upload's "file" part, read from the request body.
func importPart(r *http.Request) (io.Reader, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, errNoImportFile
	}
	for {
		p, err := mr.NextPart()
		var tooBig *http.MaxBytesError
		var cut *uploadCutError
		if errors.As(err, &tooBig) || errors.As(err, &cut) {
			return nil, err
		}
		if err != nil {
			return nil, errNoImportFile
		}
		if p.FormName() == "file" {
			return p, nil
		}
	}
}

// uploadCutError is a request body that could not be read to its end.
type uploadCutError struct{ err error }

func (e *uploadCutError) Error() string { return "upload cut off: " + e.err.Error() }
func (e *uploadCutError) Unwrap() error { return e.err }

// cutReader marks the errors of reading a request body, other than its
// end and its size limit, as the upload being cut off, so that they are
// told apart from the server's own (a full disk, say).
type cutReader struct{ io.ReadCloser }

func (c cutReader) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	var tooBig *http.MaxBytesError
	if err != nil && !errors.Is(err, io.EOF) && !errors.As(err, &tooBig) {
		err = &uploadCutError{err}
	}
	return n, err
}
