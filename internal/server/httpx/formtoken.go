package httpx

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
)

// FormTokenPurpose separates form tokens from every other HMAC made with
// the server secret.
const FormTokenPurpose = "form-token"

// FormToken mints the hidden token of a create form: a random nonce, the
// time it was minted and their HMAC with the user's id. Nothing is stored
// until the form is posted, so showing a form writes nothing.
func (s *Base) FormToken(u *journal.User) string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand documents it)
	nonce := base64.RawURLEncoding.EncodeToString(b)
	minted := strconv.FormatInt(s.Now().Unix(), 10)
	return nonce + "." + minted + "." + s.Signer.Sign(FormTokenPurpose, strconv.FormatInt(u.ID, 10), nonce, minted)
}

var (
	// errBadToken refuses a token that this server did not mint for this user.
	errBadToken = journal.Errorf(journal.EINVALID, "This form was not made for your account. Reload the page and send it again.")
	// errOldToken refuses a token older than the idempotency keys are
	// kept: its first use may have been forgotten, so it could save a
	// second record.
	errOldToken = journal.Errorf(journal.EINVALID, "This form is too old to save as it is. Check what you typed below and send it again, or reload the page.")
)

// PostedToken returns the posted form's token, "" when there is none (a
// script or curl, which create as before), errBadToken for a forged one
// or one minted for another user, and errOldToken for one minted longer
// ago than core.KeepIdempotencyKeys (or before tokens carried their
// time, which cannot be dated).
func (s *Base) PostedToken(r *http.Request) (string, error) {
	tok := r.PostFormValue("token")
	if tok == "" {
		return "", nil
	}
	u := UserFrom(r.Context())
	if u == nil {
		return "", errBadToken
	}
	uid := strconv.FormatInt(u.ID, 10)
	parts := strings.Split(tok, ".")
	switch {
	case len(parts) == 2 && s.Signer.Verify(parts[1], FormTokenPurpose, uid, parts[0]):
		return "", errOldToken
	case len(parts) != 3 || !s.Signer.Verify(parts[2], FormTokenPurpose, uid, parts[0], parts[1]):
		return "", errBadToken
	}
	sec, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return "", errBadToken
	}
	if s.Now().Sub(time.Unix(sec, 0)) > core.KeepIdempotencyKeys {
		return "", errOldToken
	}
	return tok, nil
}

// CheckedToken returns the posted form's token (see PostedToken) and, when
// it is good, the input's validate error, so that a create form is
// refused the same way for either.
func (s *Base) CheckedToken(r *http.Request, validate func() error) (string, error) {
	key, err := s.PostedToken(r)
	if err != nil {
		return "", err
	}
	return key, validate()
}

// WithToken returns values with the token set, making the map if needed.
func WithToken(values map[string]string, token string) map[string]string {
	if values == nil {
		values = map[string]string{}
	}
	values["token"] = token
	return values
}
