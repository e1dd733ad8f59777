package pages

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

// exporter is what each download format writes through.
type exporter interface {
	core.ExportVisitor
	Close() error
}

// reminderExporter is an exporter that carries the 1:1 schedules and
// reminder settings too: the JSON one, so an import brings them back.
type reminderExporter interface {
	SetReminders(schedules []*journal.Schedule, n *journal.NotificationSettings)
}

// streamExport sends the user's journal in one format. It streams: once the
// first byte is out the status cannot change, so a failure after that is
// logged and the download ends short.
func (s *Handler) streamExport(w http.ResponseWriter, r *http.Request, ext, contentType string, open func(io.Writer) (exporter, error)) {
	u := httpx.UserFrom(r.Context())
	name := fmt.Sprintf("leadup-%s.%s", s.Today(u), ext)
	w.Header().Set("Content-Type", contentType)
	attachment(w, name)
	ex, err := open(w)
	if err == nil {
		var reminders func(core.Reminders)
		if re, ok := ex.(reminderExporter); ok {
			reminders = func(rem core.Reminders) { re.SetReminders(rem.Schedules, rem.Settings) }
		}
		err = s.core.Export(r.Context(), u.ID, ex, reminders)
	}
	if err == nil {
		err = ex.Close()
	}
	if err != nil && !errors.Is(err, r.Context().Err()) {
		s.Log.Error("export", "format", ext, "err", err, "request_id", middleware.GetReqID(r.Context()))
	}
}

// Every format lists entries newest first, as the pages do: the export
// pages through the (user, date, id) index, so no format sorts the journal.
func (s *Handler) HandleExportJSON(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	s.streamExport(w, r, "json", "application/json; charset=utf-8", func(w io.Writer) (exporter, error) {
		return export.NewJSONWriter(w, u, s.Now())
	})
}

func (s *Handler) HandleExportCSV(w http.ResponseWriter, r *http.Request) {
	s.streamExport(w, r, "csv", "text/csv; charset=utf-8", func(w io.Writer) (exporter, error) {
		return export.NewCSVWriter(w)
	})
}

// HandleExportExcelCSV is the CSV export with a UTF-8 byte order mark, for
// Excel: its own URL, so /export.csv stays the plain file other tools read.
func (s *Handler) HandleExportExcelCSV(w http.ResponseWriter, r *http.Request) {
	s.streamExport(w, r, "excel.csv", "text/csv; charset=utf-8", func(w io.Writer) (exporter, error) {
		return export.NewExcelCSVWriter(w)
	})
}

func (s *Handler) HandleExportMarkdown(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	s.streamExport(w, r, "md", "text/markdown; charset=utf-8", func(w io.Writer) (exporter, error) {
		return export.NewMarkdownWriter(w, u, s.Today(u), s.Localizer(r))
	})
}
