package server

import (
	"net/http"
	"testing"
)

func TestPageOutOfRange(t *testing.T) {
	_, c := newAnnApp(t)
	wantStatus(t, c.get("/entries?page=2"), http.StatusOK)
	for _, p := range []string{"9223372036854775807", "0", "-1", "two", "1000001"} {
		r := c.get("/entries?page=" + p)
		if r.status != http.StatusBadRequest {
			t.Errorf("page=%s: status %d, want 400", p, r.status)
		}
	}
}
