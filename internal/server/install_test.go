package server

import (
	"bytes"
	"encoding/json"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/server/pages"
)

func TestManifestAndServiceWorker(t *testing.T) {
	for _, base := range []string{"", "/leadup"} {
		t.Run("base="+base, func(t *testing.T) {
			app := newTestApp(t, func(c *Config) { c.BasePath = base })
			c := app.client() // no session: the browser fetches these without one

			r := c.get(base + "/manifest.webmanifest")
			wantStatus(t, r, http.StatusOK)
			if ct := r.header.Get("Content-Type"); ct != "application/manifest+json" {
				t.Errorf("manifest Content-Type %q", ct)
			}
			var m pages.Manifest
			if err := json.Unmarshal([]byte(r.body), &m); err != nil {
				t.Fatal(err)
			}
			if m.Name != "leadup" || m.ShortName == "" || m.Display != "standalone" || m.StartURL != base+"/" || m.Scope != base+"/" ||
				m.ThemeColor == "" || m.BackgroundColor == "" {
				t.Errorf("manifest %+v", m)
			}
			if len(m.Shortcuts) != 2 || m.Shortcuts[0].URL != base+"/entries/new" || m.Shortcuts[1].URL != base+"/weeks" {
				t.Errorf("shortcuts %+v", m.Shortcuts)
			}
			if st := m.ShareTarget; st.Action != base+"/entries/new" || st.Method != "GET" || st.Enctype != "application/x-www-form-urlencoded" ||
				st.Params["title"] != "title" || st.Params["text"] != "text" || st.Params["url"] != "url" {
				t.Errorf("share target %+v", st)
			}
			sizes := map[string]bool{}
			for _, ic := range m.Icons {
				if !strings.HasPrefix(ic.Src, base+"/static/") {
					t.Errorf("icon %s is outside the base path", ic.Src)
				}
				img := c.get(ic.Src)
				wantStatus(t, img, http.StatusOK)
				cfg, err := png.DecodeConfig(bytes.NewReader([]byte(img.body)))
				if err != nil {
					t.Fatalf("%s: %v", ic.Src, err)
				}
				if got := strings.Join([]string{itoa(cfg.Width), itoa(cfg.Height)}, "x"); got != ic.Sizes {
					t.Errorf("%s is %s, manifest says %s", ic.Src, got, ic.Sizes)
				}
				sizes[ic.Sizes+" "+ic.Purpose] = true
			}
			for _, want := range []string{"192x192 any", "512x512 any", "512x512 maskable"} {
				if !sizes[want] {
					t.Errorf("no %s icon in %v", want, sizes)
				}
			}

			sw := c.get(base + "/sw.js")
			wantStatus(t, sw, http.StatusOK)
			if ct := sw.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
				t.Errorf("sw.js Content-Type %q", ct)
			}
			wantBody(t, sw, `"offline":"`+base+`/offline"`, `"`+base+`/static/`, "addEventListener(\"fetch\"")

			off := c.get(base + "/offline")
			wantStatus(t, off, http.StatusOK)
			wantBody(t, off, "You are offline")

			// Pages name the manifest under the base path.
			wantBody(t, c.get(base+"/signup"), `<link rel="manifest" href="`+base+`/manifest.webmanifest">`)
		})
	}
}

func itoa(n int) string { return fmtAny(n) }

func TestShareTargetFillsTheNotes(t *testing.T) {
	_, c := newAnnApp(t)
	r := c.get("/entries/new?text=Read+this+before+Friday&url=https%3A%2F%2Fexample.com%2Fplan")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Read this before Friday\n\nhttps://example.com/plan</textarea>", `<details class="more" open`)
}
