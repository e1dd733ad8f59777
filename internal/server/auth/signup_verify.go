package auth

import (
	"context"
	"crypto/rand"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// signupLinkPurpose keeps sign-up link tags apart from every other HMAC
// made with the server secret.
const signupLinkPurpose = "signup-link"

// signupByMail reports whether sign-up goes through a mailed link: then
// the sign-up form asks for no password, and the page the link opens does
// (otherwise the form asks for it and the account is made at once). Only
// open sign-up with mail on does: it is the mode in which a stranger could
// list the accounts, or sign up with someone else's address. With `first`, the first account is still made at once, even
// with mail on: until it exists there is no account to reveal, and after
// it sign-up is closed, so a link would only slow the owner down (and a
// mistyped address would lock them out of their own fresh install).
func (s *Handler) signupByMail() bool {
	return s.Cfg.Reminders != nil && s.cfg.Signup == journal.SignupOpen
}

// signupWithLink answers a valid open sign-up when mail is on. The form
// holds no password: a new address gets a link to a page that asks for
// one, so the mailbox is proven before any secret is taken; an address
// with an account gets a note that someone tried; an address mailed in
// the last journal.SignupMailGap, or journal.SignupMailsPerDay times in a
// day, gets nothing. All three do the same work (one transaction, with the
// same writes) and get the same redirect; the mail, if any, goes out after
// the answer, so neither the relay's speed nor its failure shows in it.
func (s *Handler) signupWithLink(w http.ResponseWriter, r *http.Request, su journal.Signup) {
	random := rand.Text()
	p := pendingSignup(su, random, s.Now())
	m, err := s.core.ClaimSignupMail(r.Context(), p)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.Redirect(w, r, "/signup/sent")
	// Out on the wire now, on every path alike, before any mail starts.
	_ = http.NewResponseController(w).Flush()
	if m.Send {
		s.sendSignupMail(r, m, p, random)
	}
}

// sendSignupMail sends the mail ClaimSignupMail decided on, in the
// background, once the answer is out. A mail the relay refuses is logged, with the relay's words,
// and released, so that asking again sends one at once.
func (s *Handler) sendSignupMail(r *http.Request, m journal.SignupMail, p journal.PendingSignup, random string) {
	answered := r.Context().Done()
	ctx := context.WithoutCancel(r.Context())
	reqID := middleware.GetReqID(ctx)
	s.mailing.Add(1)
	go func() {
		defer s.mailing.Done()
		// The request's context ends when its answer is written: only then
		// does the mail start, so it cannot slow the answer down either.
		<-answered
		var err error
		if m.Owner != nil {
			err = s.Cfg.Reminders.SendSignupTaken(ctx, m.Owner)
		} else {
			err = s.Cfg.Reminders.SendSignupLink(ctx, p.Email, p.Language, random+"."+s.Signer.Sign(signupLinkPurpose, random))
		}
		if err == nil {
			return
		}
		s.Log.Error("sign-up mail not sent", "err", err, "request_id", reqID)
		if err := s.core.ReleaseSignupMail(ctx, m, p.TokenHash); err != nil {
			s.Log.Error("release sign-up mail", "err", err, "request_id", reqID)
		}
	}()
}

func pendingSignup(su journal.Signup, random string, now time.Time) journal.PendingSignup {
	return journal.PendingSignup{
		TokenHash:   HashToken(random),
		Email:       su.Email,
		DisplayName: su.DisplayName,
		TimeZone:    su.TimeZone,
		Language:    su.Language,
		ExpiresAt:   now.Add(journal.SignupLinkLifetime),
	}
}

func (s *Handler) HandleSignupSent(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, web.SignupSentPage(s.Page(r, "Check your mail", "")))
}

// signupLinkHash checks the signature of the link's token and returns the
// hash its pending sign-up is kept under. A tampered or truncated token
// answers 404 before any lookup.
func (s *Handler) signupLinkHash(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	random, tag, ok := strings.Cut(chi.URLParam(r, "token"), ".")
	if !ok || random == "" || !s.Signer.Verify(tag, signupLinkPurpose, random) {
		s.signupLinkRefused(w, r, http.StatusNotFound,
			"This is not a valid sign-up link. Check that you opened the whole link from the mail; some mail programs break long links.")
		return nil, false
	}
	return HashToken(random), true
}

// pendingUsable refuses a sign-up link that was used or has expired, as
// err from core says.
func (s *Handler) pendingUsable(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return true
	case journal.ErrorCode(err) == journal.ENOTFOUND:
		s.signupLinkRefused(w, r, http.StatusGone,
			"This sign-up link was used already, was replaced by a newer one, or expired and was removed. If you finished signing up, sign in; otherwise use the newest link you got, or sign up again for a new one.")
	case err == journal.ErrSignupLinkExpired:
		s.signupLinkRefused(w, r, http.StatusGone,
			"This sign-up link has expired: links work for 24 hours. Sign up again for a new one.")
	default:
		s.ServerError(w, r, err)
	}
	return false
}

func (s *Handler) signupLinkRefused(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.Render(w, r, status, web.SignupLinkRefusedPage(s.Page(r, "Sign-up link refused", ""), msg))
}

func (s *Handler) renderSignupFinish(w http.ResponseWriter, r *http.Request, status int, form web.Form, email string) {
	s.Render(w, r, status, web.SignupFinishPage(s.Page(r, "Finish creating your account", ""), form,
		email, chi.URLParam(r, "token"), web.Zones))
}

// HandleSignupVerifyForm asks for the password, with the name and zone
// given on the sign-up form for the owner to check. It changes nothing: a
// link scanner that opens every link in a mail must not create an account.
func (s *Handler) HandleSignupVerifyForm(w http.ResponseWriter, r *http.Request) {
	hash, ok := s.signupLinkHash(w, r)
	if !ok {
		return
	}
	p, err := s.core.PendingSignup(r.Context(), hash, s.Now())
	if !s.pendingUsable(w, r, err) {
		return
	}
	s.renderSignupFinish(w, r, http.StatusOK, web.Form{Values: map[string]string{
		"display_name": p.DisplayName, "timezone": p.TimeZone}}, p.Email)
}

// HandleSignupVerify takes the password chosen by whoever followed the
// link, which proves they read the mailbox, then creates the account and
// signs it in, like a sign-up without mail. A bad password leaves the link
// usable; the account is made in the transaction that takes (deletes) the
// pending sign-up, so a link works once. The password is hashed before
// that transaction: the one writer never waits on argon2.
func (s *Handler) HandleSignupVerify(w http.ResponseWriter, r *http.Request) {
	hash, ok := s.signupLinkHash(w, r)
	if !ok || !s.ParseForm(w, r) || !s.signupAllowed(w, r) {
		return
	}
	ctx := r.Context()
	p, err := s.core.PendingSignup(ctx, hash, s.Now())
	if !s.pendingUsable(w, r, err) {
		return
	}
	su := p.Signup()
	su.Password = r.PostFormValue("password")
	su.DisplayName = r.PostFormValue("display_name")
	su.TimeZone = r.PostFormValue("timezone")
	if err := su.Validate(); err != nil {
		s.renderSignupFinish(w, r, http.StatusUnprocessableEntity, httpx.InvalidForm(r, err, "display_name", "timezone"), p.Email)
		return
	}
	passwordHash, err := s.hasher.Hash(su.Password)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	user, err := s.core.CreateAccountFromLink(ctx, hash, su, passwordHash, s.cfg.Signup, s.Now())
	if journal.ErrorCode(err) == journal.ECONFLICT {
		// Another link for the same address was followed first; whoever
		// holds this link reads that mailbox, so saying so reveals nothing.
		s.signupLinkRefused(w, r, http.StatusConflict,
			"An account with this address was created already, from another sign-up link. Sign in with it.")
		return
	}
	if !s.pendingUsable(w, r, err) {
		return
	}
	s.Log.Info("account created", "user_id", user.ID, "via", "mailed link")
	if err := s.startSession(w, r, user.ID, "Welcome to leadup. Your account is ready."); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.Redirect(w, r, "/")
}
