package httpx

import (
	"context"
	"net/http"
	"time"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/web"
)

// LanguageCookie keeps the language a visitor who is not signed in chose
// on the sign-in or sign-up page, so the next page (and the form it
// posts) stays in it. It names a language, nothing secret.
const (
	LanguageCookie    = "leadup_lang"
	languageParam     = "lang"
	languageCookieAge = 365 * 24 * time.Hour
)

// ChooseLanguage renders the request's pages in its language (see
// RequestLanguage). A visitor's ?lang= choice is kept in a cookie: the
// language switch is plain links, for pages that work without JavaScript,
// and a cookie carries the choice through the form's post and on to the
// next page without adding it to every link and form.
func (s *Base) ChooseLanguage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tag := s.RequestLanguage(r)
		if chosen := r.URL.Query().Get(languageParam); UserFrom(r.Context()) == nil && chosen == tag {
			http.SetCookie(w, &http.Cookie{
				Name:     LanguageCookie,
				Value:    tag,
				Path:     s.CookiePath(),
				MaxAge:   int(languageCookieAge.Seconds()),
				HttpOnly: true,
				Secure:   s.Secure(r),
				SameSite: http.SameSiteLaxMode,
			})
		}
		next.ServeHTTP(w, r.WithContext(s.inLanguage(r.Context(), tag)))
	})
}

// inLanguage is ctx with its pages shown in the language tag.
func (s *Base) inLanguage(ctx context.Context, tag string) context.Context {
	langs := s.Cfg.Languages
	return web.WithLanguage(ctx, langs.Localizer(tag), langs.Languages())
}

// PageContext is r's context for rendering a page: as ChooseLanguage
// left it, or, for a page answered before ChooseLanguage ran (the
// router's 404 and 405, a form CrossOriginProtection refused, the
// offline page), with the visitor's language (RequestLanguage: a session
// is not loaded there, so the browser's choice or Accept-Language).
func (s *Base) PageContext(r *http.Request) context.Context {
	if web.HasLanguage(r.Context()) {
		return r.Context()
	}
	return s.inLanguage(r.Context(), s.RequestLanguage(r))
}

// RequestLanguage is the language a request's pages are shown in: the
// signed-in user's setting; for a visitor, the one chosen with ?lang= or
// kept in the cookie, else the best match of the browser's
// Accept-Language; and the server's default when none of those is one of
// the catalog's languages.
func (s *Base) RequestLanguage(r *http.Request) string {
	langs := s.Cfg.Languages
	if u := UserFrom(r.Context()); u != nil {
		if langs.Has(u.Language) {
			return u.Language
		}
		return langs.Default()
	}
	if chosen := r.URL.Query().Get(languageParam); langs.Has(chosen) {
		return chosen
	}
	if c, err := r.Cookie(LanguageCookie); err == nil && langs.Has(c.Value) {
		return c.Value
	}
	return langs.Match(r.Header.Get("Accept-Language"))
}

// Localizer is the language of what a request's answer writes: the
// signed-in owner's setting (for Markdown drafts as for pages), else as
// RequestLanguage chooses.
func (s *Base) Localizer(r *http.Request) *i18n.Localizer {
	return s.Cfg.Languages.Localizer(s.RequestLanguage(r))
}
