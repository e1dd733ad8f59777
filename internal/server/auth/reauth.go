package auth

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// An API token or a calendar feed outlives the session that made it, so
// making one asks the owner to prove who they are again: a stolen session
// must not turn into lasting access. How depends on how the account signs
// in: its password; a fresh sign-in at its OpenID provider (max_age=0);
// or, for a user a trusted proxy signed in, nothing more, since the
// proxy's own sign-in is the check.

const (
	// ReauthField carries the proof of a fresh provider sign-in into the
	// replayed form. It is made on the server after the provider's answer
	// and never sent to the browser.
	ReauthField   = "reauth"
	reauthPurpose = "oidc-reauth"
	// reauthProofLifetime bounds a proof: it is used in the request that
	// made it.
	reauthProofLifetime = time.Minute
	// reauthSkew is how much older than the request to the provider its
	// sign-in may claim to be, for clocks a little apart.
	reauthSkew = 30 * time.Second
)

// OwnerCheck says how the signed-in user confirms who they are.
func (s *Handler) OwnerCheck(r *http.Request) (web.OwnerCheck, error) {
	if ViaProxy(r) || s.oidc == nil {
		return s.ownerCheckOf(r, false), nil
	}
	linked, err := s.core.SignsInExternally(r.Context(), httpx.UserFrom(r.Context()).ID)
	if err != nil {
		return web.OwnerCheck{}, err
	}
	return s.ownerCheckOf(r, linked), nil
}

// ownerCheckOf is OwnerCheck for an account whose link to an OpenID
// identity (linked) a page has read already.
func (s *Handler) ownerCheckOf(r *http.Request, linked bool) web.OwnerCheck {
	switch {
	case ViaProxy(r):
		return web.OwnerCheck{}
	case linked && s.oidc != nil:
		return web.OwnerCheck{Provider: s.cfg.OIDC.Name}
	default:
		return web.OwnerCheck{Password: true}
	}
}

// ConfirmOwner checks, before a token or a feed is made from a parsed
// form, that the owner is at the keyboard. A missing or wrong password is
// added to problems (beside the "password" field), after the sign-in
// throttle. An account of an OpenID provider is sent there to sign in
// afresh, once the rest of the form is valid; the form comes back with a
// proof. It reports whether it has answered (429, an error, or the
// redirect to the provider).
func (s *Handler) ConfirmOwner(w http.ResponseWriter, r *http.Request, problems journal.Problems) bool {
	u := httpx.UserFrom(r.Context())
	check, err := s.OwnerCheck(r)
	if err != nil {
		s.Fail(w, r, err)
		return true
	}
	switch {
	case check.Password:
		if s.ThrottlePasswordCheck(w, r, u) {
			return true
		}
		pw := r.PostFormValue("password")
		if pw == "" {
			problems.Add("password", "Type your current password to confirm it is you.")
			return false
		}
		ok, err := s.hasher.Verify(pw, u.PasswordHash)
		if err != nil {
			s.ServerError(w, r, err)
			return true
		}
		if !ok {
			problems.Add("password", "That is not your current password.")
		}
		return false
	case check.Provider != "":
		if len(problems) > 0 || s.validReauth(r, u) {
			return false
		}
		s.beginOIDC(w, r, SafeNext(r.URL.Path), reauthSaved(r), true)
		return true
	default:
		return false
	}
}

// reauthSaved is the posted form, kept with the provider sign-in to be
// sent again after it, as the sign-in page's carried fields are.
func reauthSaved(r *http.Request) string {
	saved := map[string][]string{}
	for k, v := range r.PostForm {
		if k != ReauthField && !strings.Contains(k, "password") {
			saved[carryPrefix+k] = v
		}
	}
	b, _ := json.Marshal(saved)
	return string(b)
}

// reauthProof is the proof that u signed in afresh at the provider just now.
func (s *Handler) reauthProof(u *journal.User) string {
	at := strconv.FormatInt(s.Now().Unix(), 10)
	return at + "." + s.Signer.Sign(reauthPurpose, strconv.FormatInt(u.ID, 10), at)
}

// validReauth reports whether r carries a proof, made in the last minute,
// that u signed in afresh at the provider.
func (s *Handler) validReauth(r *http.Request, u *journal.User) bool {
	at, tag, ok := strings.Cut(r.PostFormValue(ReauthField), ".")
	if !ok {
		return false
	}
	sec, err := strconv.ParseInt(at, 10, 64)
	if err != nil {
		return false
	}
	if age := s.Now().Sub(time.Unix(sec, 0)); age < 0 || age > reauthProofLifetime {
		return false
	}
	return s.Signer.Verify(tag, reauthPurpose, strconv.FormatInt(u.ID, 10), at)
}

// freshSignIn reports whether the provider says its user signed in after
// the sign-in that asked for it (max_age=0) began.
func freshSignIn(authTime int64, login *journal.OIDCLogin) bool {
	return authTime != 0 && !time.Unix(authTime, 0).Before(login.CreatedAt.Add(-reauthSkew))
}

// markReauth adds to a saved form (JSON, or "") the field that marks a
// re-authentication. savedForm never keeps that field from a browser.
func markReauth(saved string) string {
	form := map[string][]string{}
	if saved != "" {
		json.Unmarshal([]byte(saved), &form)
	}
	form[ReauthField] = []string{"1"}
	b, _ := json.Marshal(form)
	return string(b)
}

// isReauth reports whether a sign-in was begun as a re-authentication.
func isReauth(login *journal.OIDCLogin) bool {
	var form map[string][]string
	return login.Saved != "" && json.Unmarshal([]byte(login.Saved), &form) == nil && len(form[ReauthField]) > 0
}

// withReauthProof replaces the re-authentication mark of a saved form
// with the proof, which the replayed form carries to its handler.
func withReauthProof(saved, proof string) string {
	form := map[string][]string{}
	json.Unmarshal([]byte(saved), &form)
	delete(form, ReauthField)
	form[carryPrefix+ReauthField] = []string{proof}
	b, _ := json.Marshal(form)
	return string(b)
}
