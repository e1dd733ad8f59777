package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/export"
	apiv1 "github.com/leadup/leadup/internal/server/api"
)

// A create retried with the same Idempotency-Key makes one record and
// answers the first one; the key is the user's own, and one key cannot
// stand for two kinds of record.
func TestAPIIdempotencyKey(t *testing.T) {
	app := newTestApp(t)
	_, ann := apiUser(t, app, "ann@example.com")
	_, bob := apiUser(t, app, "bob@example.com")

	var first, again export.Boss
	r := ann.do("POST", "/bosses", map[string]string{"name": "Dana", "relation": "manager"}, "Idempotency-Key", "boss-1")
	if r.status != http.StatusCreated {
		t.Fatalf("first create: %d %s", r.status, r.body)
	}
	r.decode(t, &first)
	r = ann.do("POST", "/bosses", map[string]string{"name": "Dana", "relation": "manager"}, "Idempotency-Key", "boss-1")
	if r.status != http.StatusOK {
		t.Fatalf("retry: %d %s, want 200", r.status, r.body)
	}
	r.decode(t, &again)
	if again.ID != first.ID {
		t.Errorf("retry answered boss %s, want the first, %s", again.ID, first.ID)
	}
	if n := app.count("bosses"); n != 1 {
		t.Errorf("%d bosses after a retried create, want 1", n)
	}

	entry := map[string]any{"boss_id": first.ID, "summary": "Asked for the budget", "practices": []string{"priorities"}}
	var e1, e2 export.Entry
	ann.do("POST", "/entries", entry, "Idempotency-Key", "entry-1").decode(t, &e1)
	r = ann.do("POST", "/entries", entry, "Idempotency-Key", "entry-1")
	r.decode(t, &e2)
	if r.status != http.StatusOK || e2.ID != e1.ID || app.count("entries") != 1 {
		t.Errorf("retried entry: status %d, id %s (first %s), %d entries; want 200, the same id, 1 entry", r.status, e2.ID, e1.ID, app.count("entries"))
	}
	fu := map[string]string{"text": "Send the numbers", "owner": "me"}
	for i, want := range []int{http.StatusCreated, http.StatusOK} {
		if r := ann.do("POST", "/entries/"+e1.ID+"/followups", fu, "Idempotency-Key", "fu-1"); r.status != want {
			t.Errorf("follow-up create %d: %d, want %d", i+1, r.status, want)
		}
	}
	if n := app.count("followups"); n != 1 {
		t.Errorf("%d follow-ups after a retried create, want 1", n)
	}

	// The key that made a boss cannot make an entry.
	if r := ann.do("POST", "/entries", entry, "Idempotency-Key", "boss-1"); r.status != http.StatusConflict || r.errorCode(t) != "conflict" {
		t.Errorf("a boss's key used for an entry: %d %s, want 409 conflict", r.status, r.body)
	}
	// Another user's identical key is theirs alone.
	if r := bob.do("POST", "/bosses", map[string]string{"name": "Lee", "relation": "manager"}, "Idempotency-Key", "boss-1"); r.status != http.StatusCreated {
		t.Errorf("another user's same key: %d, want 201", r.status)
	}
	for _, bad := range []string{"has space", strings.Repeat("k", apiv1.MaxIdempotencyKey+1), "tab\there"} {
		if r := ann.do("POST", "/bosses", map[string]string{"name": "X", "relation": "manager"}, "Idempotency-Key", bad); r.status != http.StatusBadRequest {
			t.Errorf("key %.20q: %d, want 400", bad, r.status)
		}
	}
	if n := app.count("bosses"); n != 2 {
		t.Errorf("%d bosses in all, want 2 (Ann's Dana and Bob's Lee)", n)
	}
}

// TestAPIIdempotencyKeyOtherRequest: a key sent again with another body,
// or to another entry's follow-ups, is refused with 422 and writes
// nothing, instead of answering the record the first request made; the
// same JSON spaced and ordered differently is still a retry.
func TestAPIIdempotencyKeyOtherRequest(t *testing.T) {
	app := newTestApp(t)
	_, ann := apiUser(t, app, "ann@example.com")
	var dana export.Boss
	if r := ann.do("POST", "/bosses", map[string]string{"name": "Dana", "relation": "manager"}, "Idempotency-Key", "k-boss"); r.status != http.StatusCreated {
		t.Fatalf("first create: %d %s", r.status, r.body)
	} else {
		r.decode(t, &dana)
	}
	var again export.Boss
	r := ann.do("POST", "/bosses", `{ "relation": "manager",   "name": "Dana" }`, "Idempotency-Key", "k-boss")
	if r.status != http.StatusOK {
		t.Fatalf("the same body spaced and ordered differently: %d %s, want 200", r.status, r.body)
	}
	if r.decode(t, &again); again.ID != dana.ID {
		t.Errorf("retry answered boss %s, want %s", again.ID, dana.ID)
	}
	r = ann.do("POST", "/bosses", map[string]string{"name": "Eve", "relation": "manager"}, "Idempotency-Key", "k-boss")
	if r.status != http.StatusUnprocessableEntity || r.errorCode(t) != "invalid" {
		t.Errorf("the key with another body: %d %s, want 422 invalid", r.status, r.body)
	}
	if n := app.count("bosses"); n != 1 {
		t.Errorf("%d bosses, want 1", n)
	}

	var one, two export.Entry
	ann.do("POST", "/entries", map[string]any{"boss_id": dana.ID, "summary": "One", "practices": []string{"team"}}).decode(t, &one)
	ann.do("POST", "/entries", map[string]any{"boss_id": dana.ID, "summary": "Two", "practices": []string{"team"}}).decode(t, &two)
	fu := map[string]string{"text": "Send the numbers", "owner": "me"}
	if r := ann.do("POST", "/entries/"+one.ID+"/followups", fu, "Idempotency-Key", "k-fu"); r.status != http.StatusCreated {
		t.Fatalf("follow-up: %d %s", r.status, r.body)
	}
	if r := ann.do("POST", "/entries/"+two.ID+"/followups", fu, "Idempotency-Key", "k-fu"); r.status != http.StatusUnprocessableEntity {
		t.Errorf("the key on another entry's follow-ups: %d %s, want 422", r.status, r.body)
	}
	if n := app.count("followups"); n != 1 {
		t.Errorf("%d follow-ups, want 1", n)
	}
}

// TestAPIIdempotencyKeyOfDeletedRecord: when the record a key made has
// been deleted, a create with the key makes a new record (201, and its
// Location answers) instead of a 404 for a record that is gone; a retry of
// that create then answers the new record.
func TestAPIIdempotencyKeyOfDeletedRecord(t *testing.T) {
	app := newTestApp(t)
	c, ann := apiUser(t, app, "ann@example.com")
	var boss export.Boss
	ann.do("POST", "/bosses", map[string]string{"name": "Dana", "relation": "manager"}).decode(t, &boss)
	entry := map[string]any{"boss_id": boss.ID, "summary": "Asked for the budget", "practices": []string{"priorities"}}

	var first export.Entry
	ann.do("POST", "/entries", entry, "Idempotency-Key", "k-entry").decode(t, &first)
	if r := ann.do("DELETE", "/entries/"+first.ID, nil); r.status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	r := ann.do("POST", "/entries", entry, "Idempotency-Key", "k-entry")
	if r.status != http.StatusCreated {
		t.Fatalf("create with the key of a deleted entry: %d %s, want 201", r.status, r.body)
	}
	var second export.Entry
	r.decode(t, &second)
	if second.ID == first.ID || app.count("entries") != 1 {
		t.Errorf("new entry %s (deleted %s), %d entries; want a new one, 1 entry", second.ID, first.ID, app.count("entries"))
	}
	wantStatus200(t, ann.do("GET", strings.TrimPrefix(r.header.Get("Location"), "/api/v1"), nil))
	var retried export.Entry
	r = ann.do("POST", "/entries", entry, "Idempotency-Key", "k-entry")
	if r.decode(t, &retried); r.status != http.StatusOK || retried.ID != second.ID {
		t.Errorf("retry: %d, entry %s; want 200 and %s", r.status, retried.ID, second.ID)
	}

	// A follow-up removed on its page counts as deleted.
	fu := map[string]string{"text": "Send the numbers", "owner": "me"}
	var f apiv1.FollowUp
	ann.do("POST", "/entries/"+second.ID+"/followups", fu, "Idempotency-Key", "k-fu").decode(t, &f)
	var rowID string
	if err := app.db.Reader().QueryRow("SELECT id FROM followups WHERE public_id = ?", f.ID).Scan(&rowID); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, c.post("/followups/"+rowID+"/delete", url.Values{"confirm": {"yes"}}), http.StatusSeeOther)
	if r := ann.do("POST", "/entries/"+second.ID+"/followups", fu, "Idempotency-Key", "k-fu"); r.status != http.StatusCreated {
		t.Errorf("create with the key of a removed follow-up: %d %s, want 201", r.status, r.body)
	}
}
