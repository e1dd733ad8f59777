package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/export"
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
	for _, bad := range []string{"has space", strings.Repeat("k", maxIdempotencyKey+1), "tab\there"} {
		if r := ann.do("POST", "/bosses", map[string]string{"name": "X", "relation": "manager"}, "Idempotency-Key", bad); r.status != http.StatusBadRequest {
			t.Errorf("key %.20q: %d, want 400", bad, r.status)
		}
	}
	if n := app.count("bosses"); n != 2 {
		t.Errorf("%d bosses in all, want 2 (Ann's Dana and Bob's Lee)", n)
	}
}
