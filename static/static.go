// Package static embeds leadup's stylesheet, script and icons, so the binary
// serves every asset itself.
package static

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"sync"
	"time"

	"github.com/leadup/leadup/internal/compress"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

//go:embed *.css *.js *.svg *.png
var files embed.FS

// version is a digest of every embedded file: asset URLs carry it, so a new
// build busts browser caches while an unchanged one stays cached.
var version = digest()

func digest() string {
	h := sha256.New()
	fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := files.ReadFile(p)
		h.Write([]byte(p))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// ReadFile returns an embedded file's bytes as they are served: the
// stylesheet and scripts minified, everything else as it is.
func ReadFile(name string) ([]byte, error) {
	if b, ok := minified()[name]; ok {
		return b, nil
	}
	return files.ReadFile(name)
}

// minified holds the stylesheet and scripts without their comments and
// indentation, made once on first use: the sources stay readable in the
// repository, while a phone's first visit carries about 5 KB less (the
// capture pages' cold load is held under 30 KB).
var minified = sync.OnceValue(func() map[string][]byte {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	out := map[string][]byte{}
	for pattern, mediaType := range map[string]string{"*.css": "text/css", "*.js": "text/javascript"} {
		names, _ := fs.Glob(files, pattern)
		for _, name := range names {
			src, err := files.ReadFile(name)
			if err != nil {
				continue
			}
			// A file the minifier cannot read is served as written.
			if b, err := m.Bytes(mediaType, src); err == nil {
				out[name] = b
			}
		}
	}
	return out
})

// gzipped holds the stylesheet, scripts and SVG icon as served, gzipped
// once, on the first request for an asset, so that no request after it
// spends time compressing them. Not at start: minifying and compressing
// them took most of the time before a server could answer, and 4 MB of
// garbage in its idle heap.
var gzipped = sync.OnceValue(func() map[string][]byte {
	out := map[string][]byte{}
	names, _ := fs.Glob(files, "*.svg")
	for name := range minified() {
		names = append(names, name)
	}
	for _, name := range names {
		if b, err := ReadFile(name); err == nil {
			out[name] = compress.Bytes(b)
		}
	}
	return out
})

// Version is the digest in this build's asset URLs.
func Version() string { return version }

// Path returns the URL path of the named asset, with the version in it.
func Path(name string) string {
	return "/static/" + version + "/" + name
}

// Handler serves the assets under /static/{version}/, gzipped when the
// client accepts it. A request for another version still gets the current
// file, but is not cached for long.
func Handler() http.Handler {
	fileServer := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		dir, name := path.Split(r.URL.Path) // "/static/{version}/", "style.css"
		if name == "" {
			http.NotFound(w, r)
			return
		}
		if dir == "/static/"+version+"/" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		if gz, ok := gzipped()[name]; ok {
			w.Header().Add("Vary", "Accept-Encoding")
			if compress.Accepts(r) {
				// ServeContent takes the type from the name, not the gzip.
				w.Header().Set("Content-Encoding", "gzip")
				http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(gz))
				return
			}
		}
		if b, ok := minified()[name]; ok {
			http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + name
		fileServer.ServeHTTP(w, r2)
	})
}
