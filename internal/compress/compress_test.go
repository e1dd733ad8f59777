package compress

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAccepts(t *testing.T) {
	for header, want := range map[string]bool{
		"":                     false,
		"identity":             false,
		"gzip":                 true,
		"gzip, deflate, br":    true,
		"br;q=1.0, GZIP;q=0.5": true,
		"gzip;q=0":             false,
		"gzip; q=0.000":        false,
		"x-gzip":               false,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", header)
		if got := Accepts(r); got != want {
			t.Errorf("Accept-Encoding %q: got %v, want %v", header, got, want)
		}
	}
}

// TestPagesHead: a HEAD answer through Pages has the GET's headers and no
// body, and a secret's answer is sent raw.
func TestPagesHead(t *testing.T) {
	page := strings.Repeat("<p>hello</p>", 100)
	ts := httptest.NewServer(Pages(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/secret" {
			KeepSecret(r)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})))
	defer ts.Close()
	for _, c := range []struct {
		method, path string
		gzip         bool
	}{{"GET", "/", true}, {"HEAD", "/", true}, {"GET", "/secret", false}} {
		req, _ := http.NewRequest(c.method, ts.URL+c.path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if got := resp.Header.Get("Content-Encoding") == "gzip"; got != c.gzip {
			t.Errorf("%s %s: gzip %v, want %v", c.method, c.path, got, c.gzip)
		}
		if c.method == "HEAD" && len(b) != 0 {
			t.Errorf("HEAD: %d bytes of body, want none", len(b))
		}
		if c.method == "GET" && c.gzip && len(b) >= len(page) {
			t.Errorf("GET: %d bytes, want fewer than the page's %d", len(b), len(page))
		}
	}
}

// TestSmallAnswersRaw: an answer under minSize bytes goes raw even to a
// client that accepts gzip, whether written at once, in pieces or with an
// explicit status; one of minSize bytes, written in pieces, is gzipped;
// HEAD answers as GET does. gzip made a redirect's link 42 → 67 bytes.
func TestSmallAnswersRaw(t *testing.T) {
	small := strings.Repeat("x", minSize-1)
	ts := httptest.NewServer(Pages(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/redirect":
			http.Redirect(w, r, "/login?next=%2F", http.StatusSeeOther)
		case "/small":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusUnprocessableEntity)
			io.WriteString(w, small[:10])
			io.WriteString(w, small[10:])
		case "/enough":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, small)
			io.WriteString(w, "x")
		}
	})))
	defer ts.Close()
	for _, c := range []struct {
		path   string
		status int
		gzip   bool
	}{{"/redirect", http.StatusSeeOther, false}, {"/small", http.StatusUnprocessableEntity, false}, {"/enough", http.StatusOK, true}} {
		for _, method := range []string{"GET", "HEAD"} {
			req, _ := http.NewRequest(method, ts.URL+c.path, nil)
			req.Header.Set("Accept-Encoding", "gzip")
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			gz := resp.Header.Get("Content-Encoding") == "gzip"
			if resp.StatusCode != c.status || gz != c.gzip || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s %s: status %d, gzip %v, Vary %q; want %d, gzip %v, Vary Accept-Encoding",
					method, c.path, resp.StatusCode, gz, resp.Header.Get("Vary"), c.status, c.gzip)
			}
			if method == "GET" && !c.gzip && (len(b) == 0 || len(b) >= minSize) {
				t.Errorf("GET %s: %d raw bytes", c.path, len(b))
			}
			if method == "GET" && c.path == "/small" && string(b) != small {
				t.Errorf("GET /small: the body changed on the way: %d bytes", len(b))
			}
		}
	}
}

// BenchmarkPages gzips two of leadup's pages as served (testdata: the
// sign-in page, 1.8 KB, and a home page, 13 KB) through Pages with its
// pooled writer, and reports the bytes sent.
//
//	go test ./internal/compress -run '^$' -bench Pages -benchmem
func BenchmarkPages(b *testing.B) {
	for _, name := range []string{"login", "home"} {
		page, err := os.ReadFile(filepath.Join("testdata", name+".html"))
		if err != nil {
			b.Fatal(err)
		}
		h := Pages(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		}))
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.Header.Set("Accept-Encoding", "gzip")
			var sent int
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				sent = rec.Body.Len()
			}
			b.ReportMetric(float64(sent), "bytes")
		})
	}
}
