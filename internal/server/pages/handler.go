// Package pages is leadup's HTML front end: every page a browser shows
// (home, entries and their blocks, bosses and priorities, follow-ups,
// weeks, the review, settings and notifications), the calendar feed and
// the unsubscribe link, export and import, and the files that install the
// app (manifest, service worker, offline page). Sign-in and its pages are
// package auth's.
package pages

import (
	"github.com/go-chi/httprate"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/markdown"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/server/httpx"
)

// Handler answers the pages' requests.
type Handler struct {
	*httpx.Base
	core     *core.Core
	markdown *markdown.Renderer
	// hasher checks and sets a password on the settings page.
	hasher *password.Hasher
	// auth guards the settings that need the owner's password or a fresh
	// sign-in, and ends the session of a deleted account.
	auth *auth.Handler
	// testMailByUser limits the test-mail button per user.
	testMailByUser *httprate.RateLimiter
	// maxImportBytes is POST /import's body limit, which its refusal names.
	maxImportBytes int64
}

// New returns the pages' handler over the use cases c, with a's guards.
func New(base *httpx.Base, c *core.Core, hasher *password.Hasher, a *auth.Handler, maxImportBytes int64) *Handler {
	return &Handler{
		Base:           base,
		core:           c,
		markdown:       markdown.New(),
		hasher:         hasher,
		auth:           a,
		testMailByUser: httprate.NewRateLimiter(TestMailsPerUser, testMailWindow),
	}
}
