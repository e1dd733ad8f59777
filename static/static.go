// Package static embeds leadup's stylesheet, script and icons, so the binary
// serves every asset itself.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
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

// ReadFile returns an embedded file's bytes.
func ReadFile(name string) ([]byte, error) { return files.ReadFile(name) }

// Version is the digest in this build's asset URLs.
func Version() string { return version }

// Path returns the URL path of the named asset, with the version in it.
func Path(name string) string {
	return "/static/" + version + "/" + name
}

// Handler serves the assets under /static/{version}/. A request for another
// version still gets the current file, but is not cached for long.
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
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + name
		fileServer.ServeHTTP(w, r2)
	})
}
