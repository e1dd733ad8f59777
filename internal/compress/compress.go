// Package compress gzips what leadup sends: its static files once, at
// start, and its pages as they are written, except an answer that carries
// a one-time secret.
//
// Why a secret's answer goes uncompressed (BREACH): when a response holds
// both a secret and text an attacker can choose (a reflected form field, a
// query), its compressed length shrinks as the attacker's guess matches
// more of the secret, and the length is visible on the wire even under
// TLS. leadup's only such answers are the page that shows a new API token
// (beside the token name just typed) and the page that shows a new
// calendar feed address; their handlers call KeepSecret. Session cookies
// travel in headers, which gzip does not touch, and the form tokens a page
// carries prove nothing to another site: cross-site posts are refused.
package compress

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
)

// Accepts reports whether the request's Accept-Encoding allows gzip.
func Accepts(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") {
			continue
		}
		_, q, found := strings.Cut(strings.ReplaceAll(params, " ", ""), "q=")
		if !found {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}

// Bytes returns b gzipped at the best compression, for files compressed
// once and served many times.
func Bytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// compressible are the media types worth gzipping: leadup's text answers.
var compressible = []string{"text/html", "text/markdown", "text/csv", "text/plain", "text/calendar", "application/json"}

func isCompressible(contentType string) bool {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.TrimSpace(strings.ToLower(mt))
	for _, c := range compressible {
		if mt == c {
			return true
		}
	}
	return false
}

type secretKey struct{}

type secretFlag struct{ set bool }

// KeepSecret marks the request's answer as carrying a one-time secret:
// Pages sends it uncompressed. Call it before the answer is written.
func KeepSecret(r *http.Request) {
	if f, ok := r.Context().Value(secretKey{}).(*secretFlag); ok {
		f.set = true
	}
}

// writers gzip pages at BestSpeed: a page is compressed once per request,
// and at the default level each writer's reset clears 640 KB of match
// tables, which cost more than the whole of a small page's other work;
// BestSpeed keeps no such tables and sends pages 5–10% larger.
//
// The gzip is klauspost/compress's, not the standard library's: at
// BestSpeed it compresses the sign-in page in about half the time, to the
// same size (BenchmarkPages), and compressing was 14% of the sign-in
// page's CPU; the output is ordinary gzip that any browser reads.
var writers = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed) // the level is valid
	return zw
}}

// minSize is the smallest body Pages gzips. A body under it shares one
// TCP segment (about 1,400 bytes) with leadup's 600 bytes of headers
// whether it is gzipped or not, so gzip saves no packet there, only costs
// a compression on the server and one in the browser; the smallest bodies
// even grow (a redirect's 42-byte link is 67 bytes gzipped).
const minSize = 800

// Pages gzips a text answer of minSize bytes or more when the client
// accepts it and the handler has not called KeepSecret. A HEAD answer
// carries the same headers as its GET, and no body (net/http drops it).
func Pages(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if !Accepts(r) {
			next.ServeHTTP(w, r)
			return
		}
		flag := &secretFlag{}
		cw := &writer{ResponseWriter: w, secret: flag}
		defer cw.close()
		next.ServeHTTP(cw, r.WithContext(context.WithValue(r.Context(), secretKey{}, flag)))
	})
}

// writer decides whether the body is gzipped: at WriteHeader when the
// answer may not be (a secret, a status without a body, a type not worth
// it), else once minSize bytes are written, or the handler flushes or
// ends. Until then the status waits in code and the body in held.
type writer struct {
	http.ResponseWriter
	secret      *secretFlag
	zw          *gzip.Writer
	wroteHeader bool
	code        int    // the status, while undecided
	held        []byte // the body written while undecided
}

func (w *writer) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	h := w.Header()
	if !w.secret.set && code >= 200 && code != http.StatusNoContent && code != http.StatusNotModified &&
		h.Get("Content-Encoding") == "" && isCompressible(h.Get("Content-Type")) {
		w.code = code
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

// undecided reports whether the status and the body are still held.
func (w *writer) undecided() bool { return w.code != 0 }

// startGzip sends the held status with gzip's headers, then the held body
// into the gzip stream.
func (w *writer) startGzip() error {
	h := w.Header()
	h.Del("Content-Length")
	h.Set("Content-Encoding", "gzip")
	w.zw = writers.Get().(*gzip.Writer)
	w.zw.Reset(w.ResponseWriter)
	w.ResponseWriter.WriteHeader(w.code)
	w.code = 0
	_, err := w.zw.Write(w.held)
	w.held = nil
	return err
}

// sendHeld sends the held status and body as they are.
func (w *writer) sendHeld() error {
	w.ResponseWriter.WriteHeader(w.code)
	w.code = 0
	_, err := w.ResponseWriter.Write(w.held)
	w.held = nil
	return err
}

func (w *writer) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", http.DetectContentType(p))
		}
		w.WriteHeader(http.StatusOK)
	}
	if w.undecided() {
		if len(w.held)+len(p) < minSize {
			w.held = append(w.held, p...)
			return len(p), nil
		}
		if err := w.startGzip(); err != nil {
			return 0, err
		}
	}
	if w.zw != nil {
		return w.zw.Write(p)
	}
	return w.ResponseWriter.Write(p)
}

// Flush sends what is written so far, for a streamed export: an answer
// flushed before it reaches minSize is gzipped, as more is coming.
func (w *writer) Flush() {
	if w.undecided() {
		w.startGzip()
	}
	if w.zw != nil {
		w.zw.Flush()
	}
	http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the connection's deadlines.
func (w *writer) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// close ends the answer: a body still held, under minSize, goes raw.
func (w *writer) close() {
	if w.undecided() {
		w.sendHeld()
		return
	}
	if w.zw == nil {
		return
	}
	w.zw.Close()
	w.zw.Reset(io.Discard)
	writers.Put(w.zw)
	w.zw = nil
}
