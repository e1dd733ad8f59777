package auth

import (
	"crypto/rand"
	"encoding/base64"
	"maps"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/compress"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

func (s *Handler) renderTokens(w http.ResponseWriter, r *http.Request, status int, v web.TokensView) {
	u := httpx.UserFrom(r.Context())
	p, err := s.core.TokensPage(r.Context(), u.ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	v.Tokens, v.Check, v.Today = p.Tokens, s.ownerCheckOf(r, p.External), s.Today(u)
	if v.Form.Values == nil {
		v.Form.Values = map[string]string{"scope": journal.ScopeRead}
	}
	if v.NewToken != "" {
		compress.KeepSecret(r) // a new token beside the name just typed
	}
	s.Render(w, r, status, web.TokensPage(s.Page(r, "API tokens", "settings"), v))
}

func (s *Handler) HandleTokens(w http.ResponseWriter, r *http.Request) {
	s.renderTokens(w, r, http.StatusOK, web.TokensView{})
}

// HandleTokenCreate makes a token, once the owner has confirmed who they
// are (see ConfirmOwner), and shows it on the answer, the only time it is
// ever shown: the database keeps its SHA-256. A token is 32 random bytes,
// so a fast hash is enough; nothing can be guessed from it. The page
// answers 200 rather than 303 because of that.
func (s *Handler) HandleTokenCreate(w http.ResponseWriter, r *http.Request) {
	if !s.ParseForm(w, r) {
		return
	}
	u := httpx.UserFrom(r.Context())
	today := s.Today(u)
	in := journal.TokenInput{Name: r.PostFormValue("name"), Scope: r.PostFormValue("scope"), ExpiresOn: r.PostFormValue("expires_on")}
	invalid := func(err error) {
		s.renderTokens(w, r, http.StatusUnprocessableEntity, web.TokensView{Form: httpx.InvalidForm(r, err, "name", "scope", "expires_on")})
	}
	problems := journal.Problems{}
	maps.Copy(problems, journal.FieldErrors(in.Validate(today)))
	if s.ConfirmOwner(w, r, problems) {
		return
	}
	if err := problems.Err(); err != nil {
		invalid(err)
		return
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		s.ServerError(w, r, err)
		return
	}
	token := TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	t, err := s.core.CreateAPIToken(r.Context(), u.ID, in, HashToken(token), today)
	if err == journal.ErrTooManyTokens {
		invalid(err)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Log.Info("api token created", "user_id", u.ID, "token_id", t.ID, "scope", t.Scope,
		"request_id", middleware.GetReqID(r.Context()))
	s.renderTokens(w, r, http.StatusOK, web.TokensView{NewToken: token, NewName: t.Name})
}

func (s *Handler) HandleTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := httpx.PathID(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	u := httpx.UserFrom(r.Context())
	if err := s.core.RevokeAPIToken(r.Context(), u.ID, id); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Log.Info("api token revoked", "user_id", u.ID, "token_id", id, "request_id", middleware.GetReqID(r.Context()))
	s.RedirectWithFlash(w, r, "/settings/tokens", "Token revoked. Anything using it can no longer reach your journal.")
}
