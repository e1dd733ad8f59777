package pages

import (
	"encoding/json"
	"net/http"

	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/static"
	"github.com/leadup/leadup/web"
)

// manifestIcon is one icon of the web app manifest.
type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
}

type manifestShortcut struct {
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
	URL       string `json:"url"`
}

type manifestShareTarget struct {
	Action  string            `json:"action"`
	Method  string            `json:"method"`
	Enctype string            `json:"enctype"`
	Params  map[string]string `json:"params"`
}

// Manifest is the web app manifest (/manifest.webmanifest).
type Manifest struct {
	ID              string              `json:"id"`
	Name            string              `json:"name"`
	ShortName       string              `json:"short_name"`
	Description     string              `json:"description"`
	StartURL        string              `json:"start_url"`
	Scope           string              `json:"scope"`
	Display         string              `json:"display"`
	ThemeColor      string              `json:"theme_color"`
	BackgroundColor string              `json:"background_color"`
	Icons           []manifestIcon      `json:"icons"`
	Shortcuts       []manifestShortcut  `json:"shortcuts"`
	ShareTarget     manifestShareTarget `json:"share_target"`
}

// Colours of the light theme (static/style.css): the accent and the page.
const (
	themeColor      = "#1d4ed8"
	backgroundColor = "#f7f7f5"
)

// HandleManifest serves the web app manifest, with every URL under the
// base path, to anyone: the browser fetches it without credentials.
func (s *Handler) HandleManifest(w http.ResponseWriter, r *http.Request) {
	base := s.Cfg.BasePath
	m := Manifest{
		ID: base + "/", Name: "leadup", ShortName: "leadup",
		Description: "A private log of working with the people above you.",
		StartURL:    base + "/", Scope: base + "/", Display: "standalone",
		ThemeColor: themeColor, BackgroundColor: backgroundColor,
		Icons: []manifestIcon{
			{base + static.Path("icon-192.png"), "192x192", "image/png", "any"},
			{base + static.Path("icon-512.png"), "512x512", "image/png", "any"},
			{base + static.Path("icon-maskable-512.png"), "512x512", "image/png", "maskable"},
		},
		Shortcuts: []manifestShortcut{
			{"Log an interaction", "Log", base + "/entries/new"},
			{"This week", "Week", base + "/weeks"},
		},
		// A GET share is form-encoded into the query, which sharedEntry
		// reads: the title becomes the summary; Android often puts a shared
		// link in text, so text and url both go to the notes.
		ShareTarget: manifestShareTarget{Action: base + "/entries/new", Method: "GET", Enctype: "application/x-www-form-urlencoded",
			Params: map[string]string{"title": "title", "text": "text", "url": "url"}},
	}
	w.Header().Set("Content-Type", "application/manifest+json")
	w.Header().Set("Cache-Control", "no-cache")
	httpx.WriteAPI(w, http.StatusOK, m)
}

// HandleServiceWorker serves static/sw.js from the base path, so its scope
// is the whole app, after a line naming this build's assets.
func (s *Handler) HandleServiceWorker(w http.ResponseWriter, r *http.Request) {
	src, err := static.ReadFile("sw.js")
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	base := s.Cfg.BasePath
	cfg := struct {
		Version string   `json:"version"`
		Assets  []string `json:"assets"`
		Offline string   `json:"offline"`
	}{static.Version(), nil, base + "/offline"}
	for _, name := range []string{"style.css", "app.js", "icon.svg", "icon-192.png"} {
		cfg.Assets = append(cfg.Assets, base+static.Path(name))
	}
	head, err := json.Marshal(cfg)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	// The browser checks for a new worker on each visit.
	w.Header().Set("Cache-Control", "no-cache")
	w.Write([]byte("const LEADUP = " + string(head) + ";\n"))
	w.Write(src)
}

// HandleOffline is the page the service worker shows when a page cannot
// be reached. It holds nobody's data, so it needs no session.
func (s *Handler) HandleOffline(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	s.Render(w, r, http.StatusOK, web.OfflinePage(web.Page{Title: "Offline"}))
}
