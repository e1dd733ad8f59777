package httpx

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// The one-time notice after a form ("Entry saved.") travels in a
// short-lived cookie, not in the sessions table: writing it there and
// clearing it again cost two of the three fsyncs of creating an entry.
const (
	FlashCookie  = "leadup_flash"
	flashMaxAge  = 60 // seconds: the redirect follows at once
	flashPurpose = "flash"
)

type flashKey struct{}

// Notice is what a flash carries: the words to show, and, once, a secret
// the page it leads to shows beside them (a new calendar feed's address).
// A secret travels here rather than in the redirect's URL, which history,
// logs and the Referer would keep; the cookie lives a minute, is read by
// no script and is cleared by the page that shows it.
type Notice struct {
	Message string `json:"m"`
	Secret  string `json:"s,omitempty"`
}

// SetFlash leaves n for the next page the user sees, signed with the
// server secret and bound to the user, so nobody can plant a notice in
// someone else's browser.
func (s *Base) SetFlash(w http.ResponseWriter, r *http.Request, userID int64, n Notice) {
	if n.Message == "" {
		return
	}
	raw, _ := json.Marshal(n) // two strings always marshal
	b64 := base64.RawURLEncoding.EncodeToString(raw)
	tag := s.Signer.Sign(flashPurpose, strconv.FormatInt(userID, 10), b64)
	http.SetCookie(w, &http.Cookie{
		Name:     FlashCookie,
		Value:    b64 + "." + tag,
		Path:     s.CookiePath(),
		MaxAge:   flashMaxAge,
		HttpOnly: true,
		Secure:   s.Secure(r),
		SameSite: http.SameSiteLaxMode,
	})
}

// TakeFlash moves a notice cookie into the request context and tells the
// browser to forget it, so the notice shows once. It is checked when the
// page is rendered and the user is known (see PopFlash). A HEAD leaves
// it for the GET that follows: HEAD must change nothing.
func (s *Base) TakeFlash(w http.ResponseWriter, r *http.Request) *http.Request {
	c, err := r.Cookie(FlashCookie)
	if err != nil || r.Method == http.MethodHead {
		return r
	}
	http.SetCookie(w, &http.Cookie{
		Name: FlashCookie, Value: "", Path: s.CookiePath(), MaxAge: -1,
		HttpOnly: true, Secure: s.Secure(r), SameSite: http.SameSiteLaxMode,
	})
	return r.WithContext(context.WithValue(r.Context(), flashKey{}, c.Value))
}

// PopFlash returns the notice the request carried for the signed-in user,
// or none when there is none or it is not the server's for this user.
func (s *Base) PopFlash(ctx context.Context) Notice {
	raw, _ := ctx.Value(flashKey{}).(string)
	u := UserFrom(ctx)
	b64, tag, ok := strings.Cut(raw, ".")
	if !ok || u == nil || !s.Signer.Verify(tag, flashPurpose, strconv.FormatInt(u.ID, 10), b64) {
		return Notice{}
	}
	b, err := base64.RawURLEncoding.DecodeString(b64)
	var n Notice
	if err != nil || json.Unmarshal(b, &n) != nil {
		return Notice{}
	}
	return n
}

// AlreadySaved is the notice of a replayed create form.
const AlreadySaved = "Already saved: this was sent twice, and saved once."

// RedirectCreated answers a create form's post: 303 to what it made, with
// msg. A replayed post (a double tap, a retried draft) wrote nothing: it
// shows what the first post made, saying it was already saved.
func (s *Base) RedirectCreated(w http.ResponseWriter, r *http.Request, replay bool, url, msg string) {
	if replay {
		msg = AlreadySaved
	}
	s.RedirectWithFlash(w, r, url, msg)
}

// RedirectWithFlash answers 303 to url and leaves msg for the next page.
func (s *Base) RedirectWithFlash(w http.ResponseWriter, r *http.Request, url, msg string) {
	s.RedirectWithNotice(w, r, url, Notice{Message: msg})
}

// RedirectWithNotice answers 303 to url and leaves n for the next page.
func (s *Base) RedirectWithNotice(w http.ResponseWriter, r *http.Request, url string, n Notice) {
	if u := UserFrom(r.Context()); u != nil {
		s.SetFlash(w, r, u.ID, n)
	}
	s.Redirect(w, r, url)
}
