package server

import (
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/compress"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/internal/server/pages"
	"github.com/leadup/leadup/static"
)

// HealthPath answers 200 while the database answers, with no session, for
// any host name, and under a base path at the root too.
const HealthPath = httpx.HealthPath

// routes declares every URL leadup answers. HEAD is answered wherever GET
// is, by the GET handler (RFC 9110 §9.3.2): net/http sends its status and
// headers and drops the body.
func (s *Server) routes() *chi.Mux {
	r := chi.NewRouter()
	r.Use(middleware.GetHead)
	r.Use(middleware.RequestID)
	r.Use(s.ClientIP())
	r.Use(s.LogRequests)
	r.Use(s.RecoverPanics)
	r.Use(s.SecurityHeaders)
	r.Use(s.CrossOriginProtection)
	bodyLimit := httpx.LimitBody(s.cfg.MaxBodyBytes)

	r.Get(HealthPath, s.handleHealth)
	r.Handle("/static/*", static.Handler())
	r.Get("/manifest.webmanifest", s.pages.HandleManifest)
	r.Get("/sw.js", s.pages.HandleServiceWorker)
	r.Get("/offline", s.pages.HandleOffline)

	// Opened from a calendar app or a mail, with the token as the only
	// credential: no session, nothing cached.
	r.Group(func(r chi.Router) {
		r.Use(httpx.NoStore, bodyLimit)
		r.Get("/cal/{token}.ics", s.pages.HandleCalendarFeed)
		// Pages, without a session: in the language the browser asks for.
		r.With(s.ChooseLanguage).Get("/unsubscribe/{token}", s.pages.HandleUnsubscribeForm)
		r.With(s.ChooseLanguage).Post("/unsubscribe/{token}", s.pages.HandleUnsubscribe)
	})

	// An import takes a whole export, received before it is applied: it
	// has its own body cap, and a deadline long enough for a slow line.
	r.Group(func(r chi.Router) {
		r.Use(httpx.Deadline(pages.ImportTimeout))
		r.Use(s.auth.LoadSession)
		r.Use(httpx.NoStore)
		r.Use(s.auth.SignInOptions)
		r.Use(s.ChooseLanguage)
		r.With(s.auth.RequireUser, httpx.LimitBody(s.cfg.MaxImportBytes)).Post("/import", s.pages.HandleImport)
	})

	r.Group(func(r chi.Router) {
		r.Use(s.RequestDeadline)
		// Pages are gzipped, but for the two that show a one-time secret:
		// see package compress.
		r.Use(compress.Pages)
		r.Use(s.auth.LoadSession)
		r.Use(httpx.NoStore)
		r.Use(s.auth.SignInOptions)
		r.Use(s.ChooseLanguage)

		r.Group(func(r chi.Router) {
			r.Use(bodyLimit)
			r.Get("/signup", s.auth.HandleSignupForm)
			r.Post("/signup", s.auth.HandleSignup)
			r.Get("/signup/sent", s.auth.HandleSignupSent)
			r.Get("/signup/verify/{token}", s.auth.HandleSignupVerifyForm)
			r.Post("/signup/verify/{token}", s.auth.HandleSignupVerify)
			r.Get("/login", s.auth.HandleLoginForm)
			r.Post("/login", s.auth.HandleLogin)
			r.Post("/logout", s.auth.HandleLogout)
			r.Get("/auth/oidc/login", s.auth.HandleOIDCLogin)
			r.Post("/auth/oidc/login", s.auth.HandleOIDCLogin)
			r.Get("/auth/oidc/callback", s.auth.HandleOIDCCallback)

			r.Group(func(r chi.Router) {
				r.Use(s.auth.RequireUser)
				r.Get("/", s.pages.HandleHome)
				r.Get("/settings", s.pages.HandleSettings)
				r.Post("/settings", s.pages.HandleSettingsUpdate)
				r.Get("/settings/notifications", s.pages.HandleNotifications)
				r.Post("/settings/notifications", s.pages.HandleNotificationsSave)
				r.Post("/settings/notifications/test", s.pages.HandleNotificationsTest)
				r.Post("/settings/calendar", s.pages.HandleCalendarCreate)
				r.Post("/settings/calendar/delete", s.pages.HandleCalendarDelete)
				r.Get("/settings/tokens", s.auth.HandleTokens)
				r.Post("/settings/tokens", s.auth.HandleTokenCreate)
				r.Post("/settings/tokens/{id}/revoke", s.auth.HandleTokenRevoke)

				r.Get("/bosses", s.pages.HandleBosses)
				r.Post("/bosses", s.pages.HandleBossCreate)
				r.Get("/bosses/{id}", s.pages.HandleBossView)
				r.Post("/bosses/{id}", s.pages.HandleBossUpdate)
				r.Post("/bosses/{id}/archive", s.pages.HandleBossArchive)
				r.Post("/bosses/{id}/schedule", s.pages.HandleScheduleSave)
				r.Post("/bosses/{id}/manual", s.pages.HandleManualSave)
				r.Post("/bosses/{id}/priorities", s.pages.HandlePriorityCreate)
				r.Get("/bosses/{id}/prep", s.pages.HandlePrep)
				r.Get("/bosses/{id}/prep.md", s.pages.HandlePrepMarkdown)
				r.Post("/priorities/{id}", s.pages.HandlePriorityUpdate)

				r.Get("/entries", s.pages.HandleEntries)
				r.Get("/entries/new", s.pages.HandleEntryNew)
				r.Post("/entries", s.pages.HandleEntryCreate)
				r.Get("/entries/{id}", s.pages.HandleEntryView)
				r.Get("/entries/{id}/edit", s.pages.HandleEntryEdit)
				r.Post("/entries/{id}", s.pages.HandleEntryUpdate)
				r.Post("/entries/{id}/delete", s.pages.HandleEntryDelete)
				r.Post("/entries/{id}/followups", s.pages.HandleFollowUpCreate)
				// Closing a block: /decision, /outcome, /forecast.
				for _, k := range journal.Blocks {
					r.Post("/entries/{id}/"+k.Closing, s.pages.HandleBlockClose(k))
				}

				r.Post("/followups/{id}", s.pages.HandleFollowUpUpdate)
				r.Get("/followups/{id}/edit", s.pages.HandleFollowUpEdit)
				r.Post("/followups/{id}/edit", s.pages.HandleFollowUpSave)
				r.Post("/followups/{id}/delete", s.pages.HandleFollowUpDelete)
				r.Get("/followups", s.pages.HandleFollowUps)

				r.Get("/export.json", s.pages.HandleExportJSON)
				r.Get("/export.csv", s.pages.HandleExportCSV)
				r.Get("/export-excel.csv", s.pages.HandleExportExcelCSV)
				r.Get("/export.md", s.pages.HandleExportMarkdown)

				r.Get("/weeks", s.pages.HandleWeekCurrent)
				// A week label has no dot, so /weeks/2026-W48.xml is no route: 404.
				r.Get("/weeks/{week:[^.]+}", s.pages.HandleWeek)
				r.Get("/weeks/{week}.json", s.pages.HandleWeekJSON)
				r.Get("/weeks/{week}.md", s.pages.HandleWeekMarkdown)

				r.Get("/review", s.pages.HandleReview)
				r.Get("/review.md", s.pages.HandleReviewMarkdown)
				r.Get("/review.json", s.pages.HandleReviewJSON)
			})
		})
	})

	// The JSON API answers bearer tokens only, never a session cookie. It
	// has the pages' request deadline.
	r.Route("/api/v1", func(r chi.Router) {
		r.Use(s.RequestDeadline, httpx.NoStore, bodyLimit)
		r.NotFound(s.api.HandleAPINotFound)
		r.MethodNotAllowed(s.api.HandleAPIMethodNotAllowed)
		r.Get("/openapi.json", s.api.HandleOpenAPI)
		r.Group(func(r chi.Router) {
			r.Use(s.auth.APIAuth())
			r.Get("/entries", s.api.HandleAPIEntries)
			r.Get("/entries/{id}", s.api.HandleAPIEntry)
			r.Get("/bosses", s.api.HandleAPIBosses)
			r.Get("/bosses/{id}", s.api.HandleAPIBoss)
			r.Get("/followups", s.api.HandleAPIFollowUps)
			r.Get("/followups/{id}", s.api.HandleAPIFollowUp)
			r.Get("/weeks/{week}", s.api.HandleAPIWeek)
			r.Group(func(r chi.Router) {
				r.Use(auth.RequireWriteScope)
				r.Post("/entries", s.api.HandleAPIEntryCreate)
				r.Patch("/entries/{id}", s.api.HandleAPIEntryUpdate)
				r.Delete("/entries/{id}", s.api.HandleAPIEntryDelete)
				r.Post("/entries/{id}/followups", s.api.HandleAPIFollowUpCreate)
				r.Post("/bosses", s.api.HandleAPIBossCreate)
				r.Patch("/followups/{id}", s.api.HandleAPIFollowUpUpdate)
			})
		})
	})

	r.NotFound(s.HandleNotFound)
	r.MethodNotAllowed(s.HandleMethodNotAllowed)
	return r
}
