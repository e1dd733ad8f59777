package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/compress"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/static"
)

// HealthPath answers 200 while the database answers, with no session, for
// any host name, and under a base path at the root too.
const HealthPath = "/healthz"

// routes declares every URL leadup answers. HEAD is answered wherever GET
// is, by the GET handler (RFC 9110 §9.3.2): net/http sends its status and
// headers and drops the body.
func (s *Server) routes() *chi.Mux {
	r := chi.NewRouter()
	r.Use(middleware.GetHead)
	r.Use(middleware.RequestID)
	r.Use(s.clientIP())
	r.Use(s.logRequests)
	r.Use(s.recoverPanics)
	r.Use(s.securityHeaders)
	r.Use(s.crossOriginProtection)
	bodyLimit := limitBody(s.cfg.MaxBodyBytes)

	r.Get(HealthPath, s.handleHealth)
	r.Handle("/static/*", static.Handler())
	r.Get("/manifest.webmanifest", s.handleManifest)
	r.Get("/sw.js", s.handleServiceWorker)
	r.Get("/offline", s.handleOffline)

	// Opened from a calendar app or a mail, with the token as the only
	// credential: no session, nothing cached.
	r.Group(func(r chi.Router) {
		r.Use(noStore, bodyLimit)
		r.Get("/cal/{token}.ics", s.handleCalendarFeed)
		r.Get("/unsubscribe/{token}", s.handleUnsubscribeForm)
		r.Post("/unsubscribe/{token}", s.handleUnsubscribe)
	})

	// An import takes a whole export, received before it is applied: it
	// has its own body cap, and a deadline long enough for a slow line.
	r.Group(func(r chi.Router) {
		r.Use(deadline(importTimeout))
		r.Use(s.loadSession)
		r.Use(noStore)
		r.Use(s.signInOptions)
		r.Use(s.chooseLanguage)
		r.With(s.requireUser, limitBody(s.cfg.MaxImportBytes)).Post("/import", s.handleImport)
	})

	r.Group(func(r chi.Router) {
		r.Use(s.requestDeadline)
		// Pages are gzipped, but for the two that show a one-time secret:
		// see package compress.
		r.Use(compress.Pages)
		r.Use(s.loadSession)
		r.Use(noStore)
		r.Use(s.signInOptions)
		r.Use(s.chooseLanguage)

		r.Group(func(r chi.Router) {
			r.Use(bodyLimit)
			r.Get("/signup", s.handleSignupForm)
			r.Post("/signup", s.handleSignup)
			r.Get("/signup/sent", s.handleSignupSent)
			r.Get("/signup/verify/{token}", s.handleSignupVerifyForm)
			r.Post("/signup/verify/{token}", s.handleSignupVerify)
			r.Get("/login", s.handleLoginForm)
			r.Post("/login", s.handleLogin)
			r.Post("/logout", s.handleLogout)
			r.Get("/auth/oidc/login", s.handleOIDCLogin)
			r.Post("/auth/oidc/login", s.handleOIDCLogin)
			r.Get("/auth/oidc/callback", s.handleOIDCCallback)

			r.Group(func(r chi.Router) {
				r.Use(s.requireUser)
				r.Get("/", s.handleHome)
				r.Get("/settings", s.handleSettings)
				r.Post("/settings", s.handleSettingsUpdate)
				r.Get("/settings/notifications", s.handleNotifications)
				r.Post("/settings/notifications", s.handleNotificationsSave)
				r.Post("/settings/notifications/test", s.handleNotificationsTest)
				r.Post("/settings/calendar", s.handleCalendarCreate)
				r.Post("/settings/calendar/delete", s.handleCalendarDelete)
				r.Get("/settings/tokens", s.handleTokens)
				r.Post("/settings/tokens", s.handleTokenCreate)
				r.Post("/settings/tokens/{id}/revoke", s.handleTokenRevoke)

				r.Get("/bosses", s.handleBosses)
				r.Post("/bosses", s.handleBossCreate)
				r.Get("/bosses/{id}", s.handleBossView)
				r.Post("/bosses/{id}", s.handleBossUpdate)
				r.Post("/bosses/{id}/archive", s.handleBossArchive)
				r.Post("/bosses/{id}/schedule", s.handleScheduleSave)
				r.Post("/bosses/{id}/manual", s.handleManualSave)
				r.Post("/bosses/{id}/priorities", s.handlePriorityCreate)
				r.Get("/bosses/{id}/prep", s.handlePrep)
				r.Get("/bosses/{id}/prep.md", s.handlePrepMarkdown)
				r.Post("/priorities/{id}", s.handlePriorityUpdate)

				r.Get("/entries", s.handleEntries)
				r.Get("/entries/new", s.handleEntryNew)
				r.Post("/entries", s.handleEntryCreate)
				r.Get("/entries/{id}", s.handleEntryView)
				r.Get("/entries/{id}/edit", s.handleEntryEdit)
				r.Post("/entries/{id}", s.handleEntryUpdate)
				r.Post("/entries/{id}/delete", s.handleEntryDelete)
				r.Post("/entries/{id}/followups", s.handleFollowUpCreate)
				// Closing a block: /decision, /outcome, /forecast.
				for _, k := range journal.Blocks {
					r.Post("/entries/{id}/"+k.Closing, s.handleBlockClose(k))
				}

				r.Post("/followups/{id}", s.handleFollowUpUpdate)
				r.Get("/followups/{id}/edit", s.handleFollowUpEdit)
				r.Post("/followups/{id}/edit", s.handleFollowUpSave)
				r.Post("/followups/{id}/delete", s.handleFollowUpDelete)
				r.Get("/followups", s.handleFollowUps)

				r.Get("/export.json", s.handleExportJSON)
				r.Get("/export.csv", s.handleExportCSV)
				r.Get("/export-excel.csv", s.handleExportExcelCSV)
				r.Get("/export.md", s.handleExportMarkdown)

				r.Get("/weeks", s.handleWeekCurrent)
				// A week label has no dot, so /weeks/2026-W48.xml is no route: 404.
				r.Get("/weeks/{week:[^.]+}", s.handleWeek)
				r.Get("/weeks/{week}.json", s.handleWeekJSON)
				r.Get("/weeks/{week}.md", s.handleWeekMarkdown)

				r.Get("/review", s.handleReview)
				r.Get("/review.md", s.handleReviewMarkdown)
				r.Get("/review.json", s.handleReviewJSON)
			})
		})
	})

	// The JSON API answers bearer tokens only, never a session cookie. It
	// has the pages' request deadline.
	r.Route("/api/v1", func(r chi.Router) {
		r.Use(s.requestDeadline, noStore, bodyLimit)
		r.NotFound(s.handleAPINotFound)
		r.MethodNotAllowed(s.handleAPIMethodNotAllowed)
		r.Get("/openapi.json", s.handleOpenAPI)
		r.Group(func(r chi.Router) {
			r.Use(s.apiAuth())
			r.Get("/entries", s.handleAPIEntries)
			r.Get("/entries/{id}", s.handleAPIEntry)
			r.Get("/bosses", s.handleAPIBosses)
			r.Get("/bosses/{id}", s.handleAPIBoss)
			r.Get("/followups", s.handleAPIFollowUps)
			r.Get("/followups/{id}", s.handleAPIFollowUp)
			r.Get("/weeks/{week}", s.handleAPIWeek)
			r.Group(func(r chi.Router) {
				r.Use(requireWriteScope)
				r.Post("/entries", s.handleAPIEntryCreate)
				r.Patch("/entries/{id}", s.handleAPIEntryUpdate)
				r.Delete("/entries/{id}", s.handleAPIEntryDelete)
				r.Post("/entries/{id}/followups", s.handleAPIFollowUpCreate)
				r.Post("/bosses", s.handleAPIBossCreate)
				r.Patch("/followups/{id}", s.handleAPIFollowUpUpdate)
			})
		})
	})

	r.NotFound(s.handleNotFound)
	r.MethodNotAllowed(s.handleMethodNotAllowed)
	return r
}

// clientIP records the client's address for throttling and logs: the TCP
// peer, or, when the peer is a trusted proxy, what it put in
// X-Forwarded-For. A client's own X-Forwarded-For is never believed.
func (s *Server) clientIP() func(http.Handler) http.Handler {
	if len(s.cfg.TrustedProxies) == 0 {
		return middleware.ClientIPFromRemoteAddr
	}
	prefixes := make([]string, len(s.cfg.TrustedProxies))
	for i, p := range s.cfg.TrustedProxies {
		prefixes[i] = p.String()
	}
	return middleware.ClientIPFromXFF(prefixes...)
}
