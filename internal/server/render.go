package server

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// page returns the layout's view model for this request, taking the
// session's one-time notice.
func (s *Server) page(r *http.Request, title, active string) web.Page {
	p := web.Page{Title: title, Active: active}
	if u := userFrom(r.Context()); u != nil {
		p.User = &web.Viewer{DisplayName: u.DisplayName, Device: s.deviceKey(u)}
		p.Flash = s.popFlash(r.Context()).Message
	}
	return p
}

// deviceKey names what app.js keeps on the device for u (the draft, the
// outbox): a tag of the user's id, so no user can guess another's keys and
// each user's stay apart on a shared device.
func (s *Server) deviceKey(u *journal.User) string {
	return s.signer.Sign("draft-key", strconv.FormatInt(u.ID, 10))[:16]
}

// render writes a component with the given status. It renders into a
// buffer first, so a failing component never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(web.WithBase(r.Context(), s.cfg.BasePath), &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// parseForm reads a urlencoded body. It answers 413 for a body over the
// limit and 400 for a malformed one, and reports whether to go on.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseForm()
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.renderError(w, r, http.StatusRequestEntityTooLarge, "That was more than leadup accepts in one form. Shorten it and try again.")
		return false
	}
	s.renderError(w, r, http.StatusBadRequest, "The form could not be read.")
	return false
}

// formValues copies the named fields of a parsed form, for re-rendering.
func formValues(r *http.Request, names ...string) map[string]string {
	v := make(map[string]string, len(names))
	for _, n := range names {
		v[n] = r.PostFormValue(n)
	}
	return v
}

// invalidForm is a refused form as typed, with a message beside each bad
// field. A refused token (forged or too old) is dropped, so the form is
// shown with a fresh one.
func invalidForm(r *http.Request, err error, names ...string) web.Form {
	return refusedForm(formValues(r, names...), err)
}

// refusedForm is a refused form filled with values, the fields as typed,
// with err's messages under the form's field names (pageFields). A
// refused token (forged or too old) is dropped, so the form is shown with
// a fresh one.
func refusedForm(values map[string]string, err error) web.Form {
	f := web.Form{Values: values, Errors: wireErrors(pageFields, err), Message: journal.ErrorMessage(err)}
	if err == errBadToken || err == errOldToken {
		f.Values["token"] = ""
	}
	return f
}

// postTarget loads the record a form is posted to, with load (such as
// userBoss), then parses the form. ok is false when the answer (404, 400,
// 413) has been written.
func postTarget[T any](s *Server, w http.ResponseWriter, r *http.Request, load func(*http.Request) (T, error)) (rec T, ok bool) {
	rec, err := load(r)
	if err != nil {
		s.fail(w, r, err)
		return rec, false
	}
	return rec, s.parseForm(w, r)
}

// redirect answers 303 See Other to a path of the app, under the base path.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, path string) {
	http.Redirect(w, r, s.cfg.BasePath+path, http.StatusSeeOther)
}
