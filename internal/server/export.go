package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
	"github.com/leadup/leadup/web"
)

// exporter is what each download format writes through.
type exporter interface {
	sqlite.ExportVisitor
	Close() error
}

// streamExport sends the user's journal in one format. It streams: once the
// first byte is out the status cannot change, so a failure after that is
// logged and the download ends short.
func (s *Server) streamExport(w http.ResponseWriter, r *http.Request, ext, contentType string, open func(io.Writer) (exporter, error)) {
	u := userFrom(r.Context())
	name := fmt.Sprintf("leadup-%s.%s", s.today(u), ext)
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	ex, err := open(w)
	if err == nil {
		err = s.db.Export(r.Context(), u.ID, ex)
	}
	if err == nil {
		err = ex.Close()
	}
	if err != nil && !errors.Is(err, r.Context().Err()) {
		s.log.Error("export", "format", ext, "err", err, "request_id", middleware.GetReqID(r.Context()))
	}
}

// Every format lists entries newest first, as the pages do: the export
// pages through the (user, date, id) index, so no format sorts the journal.
func (s *Server) handleExportJSON(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	s.streamExport(w, r, "json", "application/json; charset=utf-8", func(w io.Writer) (exporter, error) {
		jw, err := export.NewJSONWriter(w, u, s.now())
		if err != nil {
			return nil, err
		}
		return jw, s.addReminders(r.Context(), u.ID, jw)
	})
}

func (s *Server) handleExportCSV(w http.ResponseWriter, r *http.Request) {
	s.streamExport(w, r, "csv", "text/csv; charset=utf-8", func(w io.Writer) (exporter, error) {
		return export.NewCSVWriter(w)
	})
}

// handleExportExcelCSV is the CSV export with a UTF-8 byte order mark, for
// Excel: its own URL, so /export.csv stays the plain file other tools read.
func (s *Server) handleExportExcelCSV(w http.ResponseWriter, r *http.Request) {
	s.streamExport(w, r, "excel.csv", "text/csv; charset=utf-8", func(w io.Writer) (exporter, error) {
		return export.NewExcelCSVWriter(w)
	})
}

func (s *Server) handleExportMarkdown(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	s.streamExport(w, r, "md", "text/markdown; charset=utf-8", func(w io.Writer) (exporter, error) {
		return export.NewMarkdownWriter(w, u, s.today(u))
	})
}

// handleImport merges a JSON export (multipart field "file") into the
// account, all or nothing. It streams: the upload is decoded record by
// record as it arrives and written in one transaction, so neither the
// file nor a decoded copy of it is ever held whole.
func (s *Server) handleImport(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	// The body is read as fast as the records are written, so the server's
	// read timeout, meant for clients that stall, would cut a large import
	// short; it gets importTimeout instead, for reading and answering.
	rc := http.NewResponseController(w)
	deadline := time.Now().Add(importTimeout)
	if err := errors.Join(rc.SetReadDeadline(deadline), rc.SetWriteDeadline(deadline)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		s.log.Warn("import deadline", "err", err)
	}
	file, err := importPart(r)
	var res journal.ImportResult
	if err == nil {
		res, err = s.db.ImportStream(r.Context(), u.ID, func(sink journal.ImportSink) error {
			return export.Stream(file, s.today(u), sink)
		})
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		s.renderError(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("That file is over the %d MiB import limit.", s.cfg.MaxImportBytes>>20))
	case errors.Is(err, errNoImportFile):
		s.importInvalid(w, r, "Choose a leadup JSON export to import.")
	case journal.ErrorCode(err) == journal.EINVALID:
		s.importInvalid(w, r, journal.ErrorMessage(err))
	case err != nil:
		s.fail(w, r, err)
	default:
		s.log.Info("import", "user_id", u.ID, "entries_added", res.Entries.Added, "entries_updated", res.Entries.Updated)
		s.redirectWithFlash(w, r, "/settings", importSummary(res))
	}
}

var errNoImportFile = errors.New("no file in the upload")

// importTimeout bounds reading and merging one upload.
const importTimeout = 10 * time.Minute

// importPart returns the upload's "file" part, read straight from the
// request body.
func importPart(r *http.Request) (io.Reader, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, errNoImportFile
	}
	for {
		p, err := mr.NextPart()
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
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

func (s *Server) importInvalid(w http.ResponseWriter, r *http.Request, msg string) {
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
