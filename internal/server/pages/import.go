package pages

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"syscall"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// HandleImport merges a JSON export (multipart field "file") into the
// account, all or nothing. The database has one writer, so the upload is
// received whole and checked before the write transaction begins: a slow
// or stalled client holds nobody's writes, only its own request.
func (s *Handler) HandleImport(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	// A large file on a slow line takes longer than the server's read
	// timeout, meant for clients that stall before a request starts; the
	// upload gets ImportTimeout instead, for reading and answering.
	rc := http.NewResponseController(w)
	deadline := time.Now().Add(ImportTimeout)
	if err := errors.Join(rc.SetReadDeadline(deadline), rc.SetWriteDeadline(deadline)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		s.Log.Warn("import deadline", "err", err)
	}
	today := s.Today(u)
	up, err := receiveUpload(r, s.core.UploadDir(), ImportMemoryLimit)
	var apply func(journal.ImportSink) error
	if err == nil {
		defer up.Close()
		apply, err = checkUpload(up, today)
	}
	var res journal.ImportResult
	if err == nil {
		// Applying is database work like any other request's: it gets the
		// same deadline, so no import holds the writer longer.
		ctx, cancel := s.applyContext(r.Context())
		defer cancel()
		r = r.WithContext(ctx)
		res, err = s.core.Import(ctx, u.ID, apply)
	}
	s.answerImport(w, r, u, res, err)
}

// answerImport maps what an import came to onto the answer.
func (s *Handler) answerImport(w http.ResponseWriter, r *http.Request, u *journal.User, res journal.ImportResult, err error) {
	var tooBig *http.MaxBytesError
	var cut *uploadCutError
	switch {
	case err == nil:
		s.Log.Info("import", "user_id", u.ID, "entries_added", res.Entries.Added, "entries_updated", res.Entries.Updated)
		s.RedirectWithFlash(w, r, "/settings", importSummary(res))
	case errors.As(err, &tooBig):
		s.RenderError(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("That file is over the %d MiB import limit.", s.maxImportBytes>>20))
	case errors.As(err, &cut):
		// The client went away or stalled: its problem, not the server's.
		s.Log.Info("import upload cut off", "err", err, "user_id", u.ID, "request_id", middleware.GetReqID(r.Context()))
		status := http.StatusBadRequest
		if errors.Is(err, os.ErrDeadlineExceeded) {
			status = http.StatusRequestTimeout
		}
		s.RenderError(w, r, status, "The upload stopped before the end of the file, so nothing was imported. Try again.")
	case errors.Is(err, errNoImportFile):
		s.importInvalid(w, r, "Choose a leadup JSON export to import.")
	case journal.ErrorCode(err) == journal.EINVALID:
		s.importInvalid(w, r, journal.ErrorMessage(err))
	case errors.Is(err, syscall.ENOSPC):
		s.DiskFull(w, r, err)
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client left while its import was applied; it was rolled back.
		s.Log.Info("import abandoned by the client", "user_id", u.ID, "request_id", middleware.GetReqID(r.Context()))
		s.RenderError(w, r, http.StatusBadRequest, "The request was cancelled, so nothing was imported.")
	default:
		s.Fail(w, r, err)
	}
}

// applyContext bounds applying an import as every other request's
// database work is bounded.
func (s *Handler) applyContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if s.Cfg.RequestTimeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, s.Cfg.RequestTimeout)
}

// checkUpload reads the whole upload against every rule that needs no
// database, so that a bad file is refused before the writer is taken, and
// returns what hands its records to the database. A small upload's
// records are kept, checked, so that the writer is held for writing only;
// a large one is read again from its file, to keep one record in memory.
func checkUpload(up *upload, today string) (func(journal.ImportSink) error, error) {
	f, err := up.Open()
	if err != nil {
		return nil, err
	}
	if up.file == nil {
		recs, err := export.Collect(f, today)
		if err != nil {
			return nil, err
		}
		return recs.Replay, nil
	}
	if err := export.Check(f, today); err != nil {
		return nil, err
	}
	return func(sink journal.ImportSink) error {
		f, err := up.Open()
		if err != nil {
			return err
		}
		return export.Stream(f, today, sink)
	}, nil
}

var errNoImportFile = errors.New("no file in the upload")

// ImportTimeout bounds receiving and merging one upload.
const ImportTimeout = 10 * time.Minute

// ImportMemoryLimit is how much of an upload is held in memory; a larger
// one goes to a file beside the database. A variable for tests.
var ImportMemoryLimit int64 = 4 << 20

func (s *Handler) importInvalid(w http.ResponseWriter, r *http.Request, msg string) {
	s.renderSettings(w, r, http.StatusUnprocessableEntity, func(v *web.SettingsView) {
		v.Import.Message = "Nothing was imported."
		v.Import.Errors = map[string]string{"file": msg}
	})
}

func importSummary(r journal.ImportResult) string {
	part := func(name string, c journal.ImportCounts) string {
		return fmt.Sprintf("%s %d added, %d updated, %d unchanged", name, c.Added, c.Updated, c.Unchanged)
	}
	return "Import finished. " + part("Bosses:", r.Bosses) + "; " + part("priorities:", r.Priorities) + "; " +
		part("entries:", r.Entries) + "; " + part("follow-ups:", r.FollowUps) + "."
}
