package httpx

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// Page returns the layout's view model for this request, taking the
// session's one-time notice.
func (s *Base) Page(r *http.Request, title, active string) web.Page {
	p := web.Page{Title: title, Active: active}
	if u := UserFrom(r.Context()); u != nil {
		p.User = &web.Viewer{DisplayName: u.DisplayName, Device: s.DeviceKey(u)}
		p.Flash = s.PopFlash(r.Context()).Message
	}
	return p
}

// DeviceKey names what app.js keeps on the device for u (the draft, the
// outbox): a tag of the user's id, so no user can guess another's keys and
// each user's stay apart on a shared device.
func (s *Base) DeviceKey(u *journal.User) string {
	return s.Signer.Sign("draft-key", strconv.FormatInt(u.ID, 10))[:16]
}

// Render writes a component with the given status. It renders into a
// buffer first, so a failing component never sends half a page.
func (s *Base) Render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(web.WithBase(s.PageContext(r), s.Cfg.BasePath), &buf); err != nil {
		s.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// ParseForm reads a urlencoded body. It answers 413 for a body over the
// limit and 400 for a malformed one, and reports whether to go on.
func (s *Base) ParseForm(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseForm()
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.RenderError(w, r, http.StatusRequestEntityTooLarge, "That was more than leadup accepts in one form. Shorten it and try again.")
		return false
	}
	s.RenderError(w, r, http.StatusBadRequest, "The form could not be read.")
	return false
}

// FormValues copies the named fields of a parsed form, for re-rendering.
func FormValues(r *http.Request, names ...string) map[string]string {
	v := make(map[string]string, len(names))
	for _, n := range names {
		v[n] = r.PostFormValue(n)
	}
	return v
}

// InvalidForm is a refused form as typed, with a message beside each bad
// field. A refused token (forged or too old) is dropped, so the form is
// shown with a fresh one.
func InvalidForm(r *http.Request, err error, names ...string) web.Form {
	return RefusedForm(FormValues(r, names...), err)
}

// RefusedForm is a refused form filled with values, the fields as typed,
// with err's messages under the form's field names (pageFields). A
// refused token (forged or too old) is dropped, so the form is shown with
// a fresh one.
func RefusedForm(values map[string]string, err error) web.Form {
	f := web.Form{Values: values, Errors: wireErrors(pageFields, err), Message: journal.ErrorMessage(err)}
	if err == errBadToken || err == errOldToken {
		f.Values["token"] = ""
	}
	return f
}

// PostTarget loads the record a form is posted to, with load (such as
// userBoss), then parses the form. ok is false when the answer (404, 400,
// 413) has been written.
func PostTarget[T any](s *Base, w http.ResponseWriter, r *http.Request, load func(*http.Request) (T, error)) (rec T, ok bool) {
	rec, err := load(r)
	if err != nil {
		s.Fail(w, r, err)
		return rec, false
	}
	return rec, s.ParseForm(w, r)
}

// Redirect answers 303 See Other to a path of the app, under the base path.
func (s *Base) Redirect(w http.ResponseWriter, r *http.Request, path string) {
	http.Redirect(w, r, s.Cfg.BasePath+path, http.StatusSeeOther)
}
