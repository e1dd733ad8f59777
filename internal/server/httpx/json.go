package httpx

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"
)

// WriteJSON answers 200 with v as indented JSON, as the .json pages are.
func WriteJSON(w http.ResponseWriter, v any) {
	sendJSON(w, http.StatusOK, v, "  ")
}

// WriteAPI answers status with v as JSON.
func WriteAPI(w http.ResponseWriter, status int, v any) {
	sendJSON(w, status, v, "")
}

// sendJSON is the one place a JSON answer is encoded; a Content-Type the
// caller set (the web manifest's) is kept. It encodes before
// writing, so a value that cannot be encoded answers 500 instead of a
// cut-off body under a success status; that failure, and a body the client
// did not take, go to the request log (see noteWriteError).
func sendJSON(w http.ResponseWriter, status int, v any, indent string) {
	body, err := json.MarshalIndent(v, "", indent)
	if err != nil {
		noteWriteError(w, err)
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(status)
	if _, err := w.Write(append(body, '\n')); err != nil {
		noteWriteError(w, err)
	}
}

// infoWriter is the response writer LogRequests hands on: it keeps a
// failed write for the request log.
type infoWriter struct {
	middleware.WrapResponseWriter
	info *requestInfo
}

// Unwrap lets http.ResponseController reach the wrapped writer's Flush.
func (w infoWriter) Unwrap() http.ResponseWriter { return w.WrapResponseWriter }

// noteWriteError hands err to the request log through the writer chain; a
// writer that LogRequests did not wrap has nowhere to put it.
func noteWriteError(w http.ResponseWriter, err error) {
	for {
		if iw, ok := w.(infoWriter); ok {
			iw.info.writeErr = err
			return
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return
		}
		w = u.Unwrap()
	}
}
