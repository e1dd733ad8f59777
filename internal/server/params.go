package server

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
)

var errNotFound = journal.Errorf(journal.ENOTFOUND, "There is nothing here. The link may be old, or the record may have been deleted.")

// pathID reads the {id} URL parameter; anything but a positive integer is
// a 404, like a record that does not exist.
func pathID(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || n <= 0 {
		return 0, errNotFound
	}
	return n, nil
}

// formID reads an optional id field: 0 when empty, -1 when not a number.
func formID(s string) int64 {
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return -1
	}
	return n
}

// today returns the current date in the user's zone.
func (s *Server) today(u *journal.User) string {
	return journal.Today(s.db.Now(), u.Location())
}
