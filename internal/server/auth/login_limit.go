package auth

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

const (
	DeviceCookieName = "leadup_device"
	devicePurpose    = "login-device"
	// DeviceLifetime is how long a browser stays known after a sign-in.
	DeviceLifetime = 365 * 24 * time.Hour
)

// emailEpochs lets a successful sign-in reset an email's failure count:
// httprate cannot clear a key, so the key carries a number that a success
// moves on, and the old count is simply never read again.
type emailEpochs struct {
	mu sync.Mutex
	n  map[string]uint64
}

func (e *emailEpochs) key(email string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return "login:" + email + ":" + strconv.FormatUint(e.n[email], 10)
}

func (e *emailEpochs) reset(email string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.n == nil {
		e.n = map[string]uint64{}
	}
	e.n[email]++
}

// limitLoginEmail applies the per-email sign-in limit, unless the browser
// proves it signed in to this email before: the limit is there to slow
// someone guessing a password from elsewhere, not to lock the owner out,
// and anyone can spend an email's allowance. The per-address limit still
// applies to every request. It reports whether it answered 429.
func (s *Handler) limitLoginEmail(w http.ResponseWriter, r *http.Request, email string) bool {
	if s.knownDevice(r, email) {
		return false
	}
	return s.loginByEmail.RespondOnLimit(w, r, s.loginEpochs.key(email))
}

// loginSucceeded clears the email's failure count and marks this browser
// as one that has signed in to u.
func (s *Handler) loginSucceeded(w http.ResponseWriter, r *http.Request, u *journal.User) error {
	s.loginEpochs.reset(u.Email)
	return s.MarkDevice(w, r, u)
}

// MarkDevice gives this browser a device cookie for u: a nonce, the time
// it was issued and their HMAC with u's email and current password hash.
// The server checks the issue time, so the cookie ends after
// DeviceLifetime whatever the browser keeps; and a password change makes
// a new hash (with a new salt), which ends every device cookie of the
// account without a row to delete.
func (s *Handler) MarkDevice(w http.ResponseWriter, r *http.Request, u *journal.User) error {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	nonce := base64.RawURLEncoding.EncodeToString(b)
	now := s.Now()
	issued := strconv.FormatInt(now.Unix(), 10)
	http.SetCookie(w, &http.Cookie{
		Name:     DeviceCookieName,
		Value:    nonce + "." + issued + "." + s.Signer.Sign(devicePurpose, u.Email, nonce, issued, u.PasswordHash),
		Path:     s.CookiePath(),
		Expires:  now.Add(DeviceLifetime),
		HttpOnly: true,
		Secure:   s.Secure(r),
		SameSite: http.SameSiteLaxMode,
	})
	return nil
}

// knownDevice reports whether the request carries a device cookie, signed
// with the server secret, from a successful sign-in to email with its
// current password, issued less than DeviceLifetime ago.
func (s *Handler) knownDevice(r *http.Request, email string) bool {
	c, err := r.Cookie(DeviceCookieName)
	if err != nil {
		return false
	}
	parts := strings.Split(c.Value, ".")
	if len(parts) != 3 || parts[0] == "" {
		return false
	}
	nonce, issued, tag := parts[0], parts[1], parts[2]
	sec, err := strconv.ParseInt(issued, 10, 64)
	if err != nil {
		return false
	}
	if age := s.Now().Sub(time.Unix(sec, 0)); age < 0 || age >= DeviceLifetime {
		return false
	}
	u, err := s.core.AccountByEmail(r.Context(), email)
	if err != nil {
		return false
	}
	return s.Signer.Verify(tag, devicePurpose, u.Email, nonce, issued, u.PasswordHash)
}
