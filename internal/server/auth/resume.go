package auth

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/web"
)

// carryPrefix marks, in the sign-in form, the fields of the form that was
// posted without a session, so they never mix with email and password.
const carryPrefix = "carry."

// authChallenge is the 401's WWW-Authenticate: a scheme that is not Basic,
// so browsers show the sign-in page rather than their own dialog.
func (s *Handler) authChallenge() string {
	return `Session realm="leadup", form="` + s.Cfg.BasePath + `/login"`
}

// formPost reports whether r is a url-encoded form POST, the kind a
// browser sends from leadup's own forms.
func formPost(r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	return r.Method == http.MethodPost && strings.HasPrefix(ct, "application/x-www-form-urlencoded")
}

// carryForm answers a form POST that arrived without a valid session with
// the sign-in page, status 401, holding what was typed as hidden inputs;
// signing in from it sends it on (see resumePost). A form with a password
// in it is not carried: it would need the password again anyway.
func (s *Handler) carryForm(w http.ResponseWriter, r *http.Request) {
	if !s.ParseForm(w, r) {
		return
	}
	form := web.Form{Message: "Your session has ended. Sign in, and what you just sent will be saved."}
	for name, values := range r.PostForm {
		if strings.Contains(name, "password") {
			form.Carried, form.Message = nil, "Your session has ended. Sign in and send that form again."
			break
		}
		for _, v := range values {
			form.Carried = append(form.Carried, web.Carried{Name: carryPrefix + name, Value: v})
		}
	}
	next := "/"
	if form.Carried != nil {
		next = SafeNext(r.URL.Path)
	}
	s.renderLogin(w, r, http.StatusUnauthorized, form, next)
}

// carried returns the carried fields of a sign-in POST, and the form they
// make once unprefixed.
func carried(r *http.Request) ([]web.Carried, url.Values) {
	var list []web.Carried
	body := url.Values{}
	for name, values := range r.PostForm {
		inner, ok := strings.CutPrefix(name, carryPrefix)
		if !ok || strings.Contains(inner, "password") {
			continue
		}
		for _, v := range values {
			list = append(list, web.Carried{Name: name, Value: v})
			body.Add(inner, v)
		}
	}
	return list, body
}

// resumePost sends the carried form to next as the user who just signed
// in, through the whole router, so it is checked and saved exactly as if
// the session had never ended (its token included). cookies are the ones
// the sign-in set.
func (s *Handler) resumePost(w http.ResponseWriter, r *http.Request, next string, body url.Values) {
	// A fresh route context: chi would otherwise treat r2 as a sub-route
	// of /login.
	ctx := context.WithValue(r.Context(), chi.RouteCtxKey, nil)
	r2, err := http.NewRequestWithContext(ctx, http.MethodPost, next, strings.NewReader(body.Encode()))
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	r2.RemoteAddr, r2.Host, r2.TLS = r.RemoteAddr, r.Host, r.TLS
	for _, h := range []string{"Origin", "Sec-Fetch-Site", "X-Forwarded-For", "X-Forwarded-Proto", "User-Agent"} {
		if v := r.Header.Get(h); v != "" {
			r2.Header.Set(h, v)
		}
	}
	r2.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	// The new session's cookie; a stale one cleared on the way (empty,
	// already expired) may sit before it.
	var session *http.Cookie
	resp := http.Response{Header: w.Header()}
	for _, c := range resp.Cookies() {
		if c.Name == s.cookieName(r) && c.Value != "" && c.MaxAge >= 0 {
			session = c
		}
	}
	if session != nil {
		r2.AddCookie(&http.Cookie{Name: session.Name, Value: session.Value})
	}
	s.Router.ServeHTTP(w, r2)
}
