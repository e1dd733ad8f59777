package httpx

import (
	"context"
	"net/http"
	"strconv"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
)

var ErrNotFound = journal.Errorf(journal.ENOTFOUND, "There is nothing here. The link may be old, or the record may have been deleted.")

// PathID reads the {id} URL parameter; anything but a positive integer is
// a 404, like a record that does not exist.
func PathID(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || n <= 0 {
		return 0, ErrNotFound
	}
	return n, nil
}

// UserRecord loads the {id} record of the signed-in user with find, one
// of the store's Find methods; another user's record is not found.
func UserRecord[T any](r *http.Request, find func(ctx context.Context, userID, id int64) (T, error)) (T, error) {
	id, err := PathID(r)
	if err != nil {
		var none T
		return none, err
	}
	return find(r.Context(), UserFrom(r.Context()).ID, id)
}

// FormID reads an optional id field: 0 when empty; ok is false when it
// holds something that is not an id, which the form reports beside the
// field (the domain never sees a made-up id).
func FormID(s string) (id int64, ok bool) {
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// Today returns the current date in the user's zone.
func (s *Base) Today(u *journal.User) string {
	return journal.Today(s.Now(), u.Location())
}

// Confirmed reports whether a removal's POST carries confirm=yes. Without
// it, it answers the confirmation page, whose button posts again with it,
// so that removing needs no script.
func (s *Base) Confirmed(w http.ResponseWriter, r *http.Request, confirmPage templ.Component) bool {
	if !s.ParseForm(w, r) {
		return false
	}
	if r.PostFormValue("confirm") != "yes" {
		s.Render(w, r, http.StatusOK, confirmPage)
		return false
	}
	return true
}
