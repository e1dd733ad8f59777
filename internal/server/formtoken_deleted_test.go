package server

import (
	"net/http"
	"net/url"
	"testing"
)

// TestFormTokenOfDeletedEntry: the idempotency rule is one for forms and
// the API. A create form sent again after the entry it made was deleted
// saves the entry again, rather than leading to a page that is gone.
func TestFormTokenOfDeletedEntry(t *testing.T) {
	app, ann := newAnnApp(t)
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	form := entryForm("boss_id", dana, "token", formTokenOf(t, ann.get("/")))
	first := ann.post("/entries", form)
	wantStatus(t, first, http.StatusSeeOther)
	entry := first.header.Get("Location")
	wantStatus(t, ann.post(entry+"/delete", url.Values{"confirm": {"yes"}}), http.StatusSeeOther)
	wantStatus(t, ann.get(entry), http.StatusNotFound)

	again := ann.post("/entries", form)
	wantStatus(t, again, http.StatusSeeOther)
	if n := app.count("entries"); n != 1 {
		t.Fatalf("%d entries after sending the form again, want 1", n)
	}
	wantStatus(t, ann.get(again.header.Get("Location")), http.StatusOK)
}
