package pages

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"path/filepath"
	"strings"
	"testing"
)

// TestReceiveUploadSpools receives an upload larger than what is kept in
// memory: it goes to a file only its owner can read, in the database's
// folder, which is gone from the folder at once and reads back whole.
func TestReceiveUploadSpools(t *testing.T) {
	dir := t.TempDir()
	file := strings.Repeat(`{"format":"leadup-export"}`, 100)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Disposition": {`form-data; name="file"; filename="export.json"`},
		"Content-Type":        {"application/json"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := part.Write([]byte(file)); err != nil {
		t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/import", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())

	up, err := receiveUpload(req, dir, 64)
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	if up.file == nil {
		t.Fatal("a large upload was kept in memory")
	}
	st, err := up.file.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != 0o600 {
		t.Errorf("spool file mode %v, want 0600", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) != 0 {
		t.Errorf("files left in the database folder: %q", left)
	}
	for range 2 {
		r, err := up.Open()
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(r); string(got) != file {
			t.Errorf("read back %d bytes, want the %d uploaded", len(got), len(file))
		}
	}
}
