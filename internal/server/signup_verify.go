package server

import (
	"context"
	"crypto/rand"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/signer"
	"github.com/leadup/leadup/web"
)

// signupLinkPurpose keeps sign-up link tags apart from every other HMAC
// made with the server secret.
const signupLinkPurpose = "signup-link"

// signupByMail reports whether sign-up goes through a mailed link. Only
// open sign-up does: it is the mode in which a stranger could list the
// accounts. With `first`, the first account is still made at once, even
// with mail on: until it exists there is no account to reveal, and after
// it sign-up is closed, so a link would only slow the owner down (and a
// mistyped address would lock them out of their own fresh install).
func (s *Server) signupByMail() bool {
	return s.cfg.Reminders != nil && s.cfg.Signup == SignupOpen
}

// signupWithLink answers a valid open sign-up when mail is on. A new
// address gets a link that finishes the sign-up; an address with an
// account gets a note that someone tried. Both answer the same redirect
// after the same work (the password is hashed, one sign-up row is written,
// kept or taken back, and one mail is sent), so neither the page nor its
// timing tells which happened.
func (s *Server) signupWithLink(w http.ResponseWriter, r *http.Request, su journal.Signup, passwordHash string) {
	ctx := r.Context()
	u, err := s.db.FindUserByEmail(ctx, su.Email)
	switch journal.ErrorCode(err) {
	case journal.ENOTFOUND:
		err = s.mailSignupLink(ctx, su, passwordHash)
	case "":
		err = s.db.PendingSignupDecoy(ctx, pendingSignup(su, passwordHash, rand.Text(), s.now()))
		if err == nil {
			err = s.cfg.Reminders.SendSignupTaken(ctx, u)
		}
	}
	if err != nil {
		// A relay that is down fails both paths alike.
		s.log.Error("sign-up mail", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "The mail that finishes your sign-up could not be sent. Please try again in a few minutes.")
		return
	}
	s.redirect(w, r, "/signup/sent")
}

// mailSignupLink keeps the sign-up, with only a hash of its link's token,
// and mails the link.
func (s *Server) mailSignupLink(ctx context.Context, su journal.Signup, passwordHash string) error {
	random := rand.Text()
	if err := s.db.CreatePendingSignup(ctx, pendingSignup(su, passwordHash, random, s.now())); err != nil {
		return err
	}
	token := random + "." + signer.New(s.db.Secret()).Sign(signupLinkPurpose, random)
	return s.cfg.Reminders.SendSignupLink(ctx, su.Email, su.DisplayName, token)
}

func pendingSignup(su journal.Signup, passwordHash, random string, now time.Time) journal.PendingSignup {
	return journal.PendingSignup{
		TokenHash:    hashToken(random),
		Email:        su.Email,
		PasswordHash: passwordHash,
		DisplayName:  su.DisplayName,
		TimeZone:     su.TimeZone,
		ExpiresAt:    now.Add(journal.SignupLinkLifetime),
	}
}

func (s *Server) handleSignupSent(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, web.SignupSentPage(s.page(r, "Check your mail", "")))
}

// signupLinkHash checks the signature of the link's token and returns the
// hash its pending sign-up is kept under. A tampered or truncated token
// answers 404 before any lookup.
func (s *Server) signupLinkHash(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	random, tag, ok := strings.Cut(chi.URLParam(r, "token"), ".")
	if !ok || random == "" || !signer.New(s.db.Secret()).Verify(tag, signupLinkPurpose, random) {
		s.signupLinkRefused(w, r, http.StatusNotFound,
			"This is not a valid sign-up link. Check that you opened the whole link from the mail; some mail programs break long links.")
		return nil, false
	}
	return hashToken(random), true
}

// pendingUsable refuses a sign-up link that was used or has expired.
func (s *Server) pendingUsable(w http.ResponseWriter, r *http.Request, p *journal.PendingSignup, err error) bool {
	switch {
	case journal.ErrorCode(err) == journal.ENOTFOUND:
		s.signupLinkRefused(w, r, http.StatusGone,
			"This sign-up link was used already, or it expired and was removed. If you finished signing up, sign in; otherwise sign up again for a new link.")
		return false
	case err != nil:
		s.serverError(w, r, err)
		return false
	case !s.now().Before(p.ExpiresAt):
		s.signupLinkRefused(w, r, http.StatusGone,
			"This sign-up link has expired: links work for 24 hours. Sign up again for a new one.")
		return false
	}
	return true
}

func (s *Server) signupLinkRefused(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, web.SignupLinkRefusedPage(s.page(r, "Sign-up link refused", ""), msg))
}

// handleSignupVerifyForm shows the confirm button. It changes nothing: a
// link scanner that opens every link in a mail must not create an account.
func (s *Server) handleSignupVerifyForm(w http.ResponseWriter, r *http.Request) {
	hash, ok := s.signupLinkHash(w, r)
	if !ok {
		return
	}
	p, err := s.db.FindPendingSignup(r.Context(), hash)
	if !s.pendingUsable(w, r, p, err) {
		return
	}
	s.render(w, r, http.StatusOK, web.SignupConfirmPage(s.page(r, "Finish creating your account", ""), p.Email, chi.URLParam(r, "token")))
}

// handleSignupVerify creates the account and signs it in, like a sign-up
// without mail. Taking the pending sign-up deletes it, so a link works once.
func (s *Server) handleSignupVerify(w http.ResponseWriter, r *http.Request) {
	hash, ok := s.signupLinkHash(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	if !s.signupAllowed(w, r) {
		return
	}
	p, err := s.db.TakePendingSignup(ctx, hash)
	if !s.pendingUsable(w, r, p, err) {
		return
	}
	user, err := s.createAccount(ctx, p.Signup(), p.PasswordHash)
	if journal.ErrorCode(err) == journal.ECONFLICT {
		// Another link for the same address was followed first; whoever
		// holds this link reads that mailbox, so saying so reveals nothing.
		s.signupLinkRefused(w, r, http.StatusConflict,
			"An account with this address was created already, from another sign-up link. Sign in with it.")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("account created", "user_id", user.ID, "via", "mailed link")
	if err := s.startSession(w, r, user.ID, "Welcome to leadup. Your account is ready."); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.redirect(w, r, "/")
}
