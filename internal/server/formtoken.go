package server

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// formTokenPurpose separates form tokens from every other HMAC made with
// the server secret.
const formTokenPurpose = "form-token"

// formToken mints the hidden token of a create form: a random nonce and
// its HMAC with the user's id. Nothing is stored until the form is posted,
// so showing a form writes nothing.
func (s *Server) formToken(u *journal.User) string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand documents it)
	nonce := base64.RawURLEncoding.EncodeToString(b)
	return nonce + "." + s.signer.Sign(formTokenPurpose, strconv.FormatInt(u.ID, 10), nonce)
}

// errBadToken refuses a token that this server did not mint for this user.
var errBadToken = journal.Errorf(journal.EINVALID, "This form was not made for your account. Reload the page and send it again.")

// postedToken returns the posted form's token, "" when there is none (a
// script or curl, which create as before), and errBadToken for a forged
// one or one minted for another user.
func (s *Server) postedToken(r *http.Request) (string, error) {
	tok := r.PostFormValue("token")
	if tok == "" {
		return "", nil
	}
	nonce, tag, ok := strings.Cut(tok, ".")
	u := userFrom(r.Context())
	if !ok || u == nil || !s.signer.Verify(tag, formTokenPurpose, strconv.FormatInt(u.ID, 10), nonce) {
		return "", errBadToken
	}
	return tok, nil
}

// checkedToken returns the posted form's token (see postedToken) and, when
// it is good, the input's validate error, so that a create form is
// refused the same way for either.
func (s *Server) checkedToken(r *http.Request, validate func() error) (string, error) {
	key, err := s.postedToken(r)
	if err != nil {
		return "", err
	}
	return key, validate()
}

// withToken returns values with the token set, making the map if needed.
func withToken(values map[string]string, token string) map[string]string {
	if values == nil {
		values = map[string]string{}
	}
	values["token"] = token
	return values
}
