package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-chi/chi/v5/middleware"
	"golang.org/x/oauth2"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

// OIDCStateCookie binds a sign-in to the browser that started it: without
// it, someone could start a sign-in and send the callback link to a victim,
// who would then be signed in as them (login CSRF).
const OIDCStateCookie = "leadup_oidc_state"

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func (s *Handler) oidcCookie(r *http.Request, value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name:     OIDCStateCookie,
		Value:    value,
		Path:     s.Cfg.BasePath + "/auth/oidc/",
		MaxAge:   maxAge,
		HttpOnly: true,
		Secure:   s.Secure(r),
		// Lax: the provider's redirect back is a top-level GET from
		// another site, which must carry the cookie.
		SameSite: http.SameSiteLaxMode,
	}
}

// HandleOIDCLogin sends the browser to the provider to sign in. A POST
// may carry a form typed before signing in (see savedForm), kept with the
// state.
func (s *Handler) HandleOIDCLogin(w http.ResponseWriter, r *http.Request) {
	if s.oidc == nil {
		s.HandleNotFound(w, r)
		return
	}
	if r.Method == http.MethodPost && !s.ParseForm(w, r) {
		return
	}
	s.beginOIDC(w, r, SafeNext(r.FormValue("next")), savedForm(r), false)
}

// beginOIDC sends the browser to the provider with a fresh state, nonce
// and PKCE challenge, all remembered here with next and the saved form.
// A re-authentication (reauth) asks the provider to sign its user in
// again whatever session it has (max_age=0, prompt=login), and marks the
// saved form so that the callback checks it did.
func (s *Handler) beginOIDC(w http.ResponseWriter, r *http.Request, next, saved string, reauth bool) {
	ctx := r.Context()
	cfg, _, err := s.oidc.setup(ctx)
	if err != nil {
		s.oidcUnavailable(w, r, err)
		return
	}
	state, err := randomToken()
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	nonce, err := randomToken()
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	login := journal.OIDCLogin{
		StateHash: HashToken(state),
		Nonce:     nonce,
		Verifier:  oauth2.GenerateVerifier(),
		Next:      next,
		Saved:     saved,
		CreatedAt: s.Now(),
	}
	opts := []oauth2.AuthCodeOption{oidc.Nonce(nonce), oauth2.S256ChallengeOption(login.Verifier)}
	if reauth {
		login.Saved = markReauth(saved)
		opts = append(opts, oauth2.SetAuthURLParam("max_age", "0"), oauth2.SetAuthURLParam("prompt", "login"))
	}
	if err := s.core.StartOIDCLogin(ctx, login); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.SetCookie(w, s.oidcCookie(r, state, int(journal.OIDCLoginTTL.Seconds())))
	http.Redirect(w, r, cfg.AuthCodeURL(state, opts...), http.StatusSeeOther)
}

// savedForm keeps what a POST to /auth/oidc/login carried besides next:
// the form a user typed before their session ended. The capture work's
// 401-and-save page posts it here; finishSignIn is where it is replayed.
func savedForm(r *http.Request) string {
	if r.Method != http.MethodPost {
		return ""
	}
	saved := map[string][]string{}
	for k, v := range r.PostForm {
		if k != "next" && k != "password" && k != ReauthField {
			saved[k] = v
		}
	}
	if len(saved) == 0 {
		return ""
	}
	b, _ := json.Marshal(saved)
	return string(b)
}

// oidcClaims are the ID token claims leadup reads. email_verified is a
// boolean in the standard, but some providers send the string "true".
type oidcClaims struct {
	Email         string          `json:"email"`
	EmailVerified json.RawMessage `json:"email_verified"`
	Name          string          `json:"name"`
	AuthTime      int64           `json:"auth_time"` // when the user last signed in at the provider
}

func (c oidcClaims) verified() bool {
	v := string(c.EmailVerified)
	return v == "true" || v == `"true"`
}

// HandleOIDCCallback finishes a sign-in: the state must be this browser's
// and unused, the code is exchanged with the PKCE verifier, and the ID
// token must pass go-oidc's checks (signature, issuer, audience, expiry)
// and carry this sign-in's nonce. Each refusal says what to do next.
func (s *Handler) HandleOIDCCallback(w http.ResponseWriter, r *http.Request) {
	if s.oidc == nil {
		s.HandleNotFound(w, r)
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	http.SetCookie(w, s.oidcCookie(r, "", -1))
	refuse := func(status int, reason, msg string) {
		s.Log.Warn("oidc sign-in refused", "reason", reason, "request_id", middleware.GetReqID(ctx))
		s.RenderError(w, r, status, msg+" Start again from the sign-in page.")
	}
	if e := q.Get("error"); e != "" {
		refuse(http.StatusBadRequest, "provider error "+e, "The sign-in provider did not sign you in ("+e+").")
		return
	}
	state := q.Get("state")
	c, err := r.Cookie(OIDCStateCookie)
	if state == "" || err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(state)) != 1 {
		refuse(http.StatusBadRequest, "state does not match the browser's", "This sign-in did not start in this browser, or its link was altered.")
		return
	}
	login, err := s.core.TakeOIDCLogin(ctx, HashToken(state), s.Now().Add(-journal.OIDCLoginTTL))
	if journal.ErrorCode(err) == journal.ENOTFOUND {
		refuse(http.StatusBadRequest, "state unknown, expired or used", "This sign-in has expired or was already used.")
		return
	}
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	cfg, verifier, err := s.oidc.setup(ctx)
	if err != nil {
		s.oidcUnavailable(w, r, err)
		return
	}
	tok, err := cfg.Exchange(s.oidc.context(ctx), q.Get("code"), oauth2.VerifierOption(login.Verifier))
	if err != nil {
		s.Log.Warn("oidc code exchange failed", "err", err, "request_id", middleware.GetReqID(ctx))
		refuse(http.StatusBadRequest, "code exchange failed", "The sign-in provider did not accept this sign-in; its code may have been used already.")
		return
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := verifier.Verify(s.oidc.context(ctx), raw)
	if err != nil {
		s.Log.Warn("oidc id token rejected", "err", err, "request_id", middleware.GetReqID(ctx))
		refuse(http.StatusBadRequest, "id token rejected", "The sign-in provider’s answer could not be verified.")
		return
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(login.Nonce)) != 1 {
		refuse(http.StatusBadRequest, "nonce mismatch", "The sign-in provider’s answer belongs to another sign-in (its nonce does not match).")
		return
	}
	claims, err := s.oidcClaims(r, idt, tok)
	if err != nil {
		s.Log.Warn("oidc claims unreadable", "err", err, "request_id", middleware.GetReqID(ctx))
		refuse(http.StatusBadGateway, "claims unreadable", "The sign-in provider’s answer could not be read.")
		return
	}
	reauth := isReauth(login)
	if reauth && !freshSignIn(claims.AuthTime, login) {
		refuse(http.StatusBadRequest, "re-authentication not fresh", "The sign-in provider did not ask you to sign in again, so nothing was created.")
		return
	}
	var user *journal.User
	if reauth {
		// Only the signed-in account's own identity will do; another is
		// neither linked nor created on the way.
		user, err = s.core.AccountByOIDC(ctx, idt.Issuer, idt.Subject)
		if cur := httpx.UserFrom(ctx); journal.ErrorCode(err) == journal.ENOTFOUND || (err == nil && (cur == nil || cur.ID != user.ID)) {
			refuse(http.StatusForbidden, "re-authentication as another account", "You signed in at the provider as someone other than this account, so nothing was created.")
			return
		}
	} else {
		user, err = s.oidcUser(r, idt.Issuer, idt.Subject, claims)
	}
	if err != nil {
		s.oidcRefused(w, r, err)
		return
	}
	if err := s.startSession(w, r, user.ID, ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.Log.Info("signed in through oidc", "user_id", user.ID, "reauth", reauth, "request_id", middleware.GetReqID(ctx))
	if reauth {
		login.Saved = withReauthProof(login.Saved, s.reauthProof(user))
	}
	s.finishSignIn(w, r, login)
}

// oidcClaims reads the email and name from the ID token or, when the
// provider keeps them out of it (many do when an access token is issued),
// from its userinfo endpoint, whose subject must be the token's (OIDC Core
// §5.3.2).
func (s *Handler) oidcClaims(r *http.Request, idt *oidc.IDToken, tok *oauth2.Token) (oidcClaims, error) {
	var c oidcClaims
	if err := idt.Claims(&c); err != nil {
		return c, err
	}
	if c.Email != "" {
		return c, nil
	}
	ctx := s.oidc.context(r.Context())
	info, err := s.oidc.provider.UserInfo(ctx, oauth2.StaticTokenSource(tok))
	if err != nil {
		return c, err
	}
	if info.Subject != idt.Subject {
		return c, fmt.Errorf("userinfo subject %q is not the id token's %q", info.Subject, idt.Subject)
	}
	return c, info.Claims(&c)
}

// finishSignIn goes where the user was going. A form saved before
// signing in (login.Saved) is where the capture work's replay plugs in;
// until then the user lands on next.
func (s *Handler) finishSignIn(w http.ResponseWriter, r *http.Request, login *journal.OIDCLogin) {
	if login.Saved == "" {
		s.Redirect(w, r, login.Next)
		return
	}
	var saved url.Values
	if err := json.Unmarshal([]byte(login.Saved), &saved); err != nil {
		s.ServerError(w, r, fmt.Errorf("saved form of an oidc login: %w", err))
		return
	}
	r2 := r.Clone(r.Context())
	r2.PostForm = saved
	_, body := carried(r2)
	if len(body) == 0 {
		s.Redirect(w, r, login.Next)
		return
	}
	// The callback comes from the provider's site, but the form was posted
	// here, same-origin, before the round trip, and the state ties it to
	// this browser: it is replayed as the same-origin post it was.
	r2.Header = r.Header.Clone()
	r2.Header.Del("Origin")
	r2.Header.Set("Sec-Fetch-Site", "same-origin")
	s.resumePost(w, r2, login.Next, body)
}

// oidcUser returns the account of an identity, linking or creating it on
// first sight by the rules of journal.FirstSight.
func (s *Handler) oidcUser(r *http.Request, issuer, subject string, c oidcClaims) (*journal.User, error) {
	ctx := r.Context()
	email := journal.NormalizeEmail(c.Email)
	sight, err := s.core.OIDCSight(ctx, issuer, subject, email)
	if err != nil || sight.Linked != nil {
		return sight.Linked, err
	}
	existing := sight.Existing
	canSignup, err := s.canSignup(r)
	if err != nil {
		return nil, err
	}
	switch journal.FirstSight(email, c.verified(), existing != nil, canSignup) {
	case journal.OIDCLink:
		if err := s.core.LinkOIDC(ctx, existing.ID, issuer, subject, email); err != nil {
			return nil, err
		}
		s.Log.Info("oidc identity linked to an account", "user_id", existing.ID)
		return existing, nil
	case journal.OIDCCreate:
		return s.createOIDCUser(r, issuer, subject, email, c.Name)
	case journal.OIDCRefuseUnverified:
		return nil, journal.Errorf(journal.EFORBIDDEN,
			"An account here already uses %s, but your sign-in provider has not verified that this address is yours, so leadup will not link them. Verify the address at your provider, or sign in with your password.", email)
	case journal.OIDCRefuseNoEmail:
		return nil, journal.Errorf(journal.EFORBIDDEN, "Your sign-in provider did not share an email address, which leadup needs for a new account. Ask its administrator to release the email scope.")
	default:
		return nil, errSignupClosed
	}
}

var errSignupClosed = journal.Errorf(journal.EFORBIDDEN, "Sign-up is closed")

// createOIDCUser makes the account of a new identity, linked to it in the
// same transaction. It gets a random password nobody knows: the provider
// is how its owner signs in.
func (s *Handler) createOIDCUser(r *http.Request, issuer, subject, email, name string) (*journal.User, error) {
	su, hash, err := s.externalSignup(r, email, name)
	if err == nil {
		var user *journal.User
		if user, err = s.core.CreateOIDCAccount(r.Context(), su, hash, s.cfg.Signup, issuer, subject); err == nil {
			s.accountCreated(user, su)
			return user, nil
		}
	}
	if msgs := journal.FieldErrors(err); msgs["email"] != "" {
		return nil, journal.Errorf(journal.EFORBIDDEN, "Your sign-in provider gave the email “%s”, which leadup cannot use: %s", email, msgs["email"])
	}
	return nil, err
}

func (s *Handler) oidcRefused(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case err == errSignupClosed:
		s.Log.Warn("oidc sign-in refused", "reason", "sign-up closed", "request_id", middleware.GetReqID(r.Context()))
		s.signupClosed(w, r)
	case journal.ErrorCode(err) == journal.EFORBIDDEN:
		s.Log.Warn("oidc sign-in refused", "reason", "first sight refused", "request_id", middleware.GetReqID(r.Context()))
		s.RenderError(w, r, http.StatusForbidden, journal.ErrorMessage(err))
	default:
		s.Fail(w, r, err)
	}
}

func (s *Handler) oidcUnavailable(w http.ResponseWriter, r *http.Request, err error) {
	s.Log.Error("oidc provider unavailable", "err", err, "request_id", middleware.GetReqID(r.Context()))
	s.RenderError(w, r, http.StatusBadGateway, "The sign-in provider cannot be reached right now. Try again in a minute.")
}
