package server

import (
	"net/http"
	"net/url"
	"testing"
)

// The tests of the entry's blocks (problem, bet, forecast) share these:
// the fixture's accounts, the refused capture form, and the form that
// closes a block (decision, outcome, result).

// newBlocksBase is the start of a blocksFixture: fixedApp's Ann and Dana,
// and Ann's second boss Eve.
func newBlocksBase(t *testing.T) *blocksFixture {
	t.Helper()
	app, ann, dana := fixedApp(t)
	f := &blocksFixture{app: app, ann: ann, dana: dana, ids: map[string]string{}}
	f.eve = ann.createdID("/bosses", url.Values{"name": {"Eve"}, "relation": {"skip_level"}}, "/bosses/")
	return f
}

// addBob signs Bob up with his boss Zed and logs entry(zed) for him: his
// records must never count for Ann.
func (f *blocksFixture) addBob(entry func(zed string) url.Values) {
	f.app.t.Helper()
	f.bob = f.app.signedUp("bob@example.com")
	zed := f.bob.createdID("/bosses", url.Values{"name": {"Zed"}, "relation": {"manager"}}, "/bosses/")
	f.bobEntryID = f.bob.createdID("/entries", entry(zed), "/entries/")
}

// badEntry is a capture form that must be refused with msg beside field.
type badEntry struct {
	name  string
	form  url.Values
	field string
	msg   string
}

// wantEntryRefused posts form to /entries and wants a 422 that says msg
// beside field and keeps the typed summary, and none of tables written.
func wantEntryRefused(t *testing.T, app *testApp, ann *client, form url.Values, field, msg string, tables ...string) *response {
	t.Helper()
	r := ann.post("/entries", form)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, msg, `id="`+field+`-error"`, `value="Talked through the release"`)
	for _, table := range tables {
		if n := app.count(table); n != 0 {
			t.Errorf("%s = %d after an invalid post, want 0", table, n)
		}
	}
	return r
}

// wantTypedText wants the refused form r to show again each of the
// form's text areas named by keys that was typed in and is short enough to
// be quoted whole.
func wantTypedText(t *testing.T, r *response, form url.Values, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if v := form.Get(k); v != "" && len(v) < 300 {
			wantBody(t, r, ">"+v+"</textarea>")
		}
	}
}

// wantTypedDates wants the refused form r to show again each date field
// named by keys that was typed in.
func wantTypedDates(t *testing.T, r *response, form url.Values, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if d := form.Get(k); d != "" {
			wantBody(t, r, `name="`+k+`" type="date" value="`+d+`"`)
		}
	}
}

// closing is the form that closes an entry's block: its decision, its
// outcome or its result.
type closing struct {
	action    string // it posts to /entries/{id}/{action}
	dateField string // the date it keeps on a 422
	textField string // the note it keeps on a 422, if it has one
	state     string // a query of the block's state, which a 422 leaves
	open      any    // what state reads while the block is open
}

// refusal is a form that closing must refuse, and the field it names.
type refusal struct {
	form  url.Values
	field string
}

// wantRefused posts each bad form: each is a 422 beside its field that
// keeps what was typed, and leaves the block open.
func (c closing) wantRefused(t *testing.T, app *testApp, ann *client, id string, bad []refusal) {
	t.Helper()
	for _, b := range bad {
		r := ann.post("/entries/"+id+"/"+c.action, b.form)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, `id="`+b.field+`-error"`, `value="`+b.form.Get(c.dateField)+`"`)
		if c.textField != "" {
			if n := b.form.Get(c.textField); len(n) < 100 {
				wantBody(t, r, ">"+n+"</textarea>")
			}
		}
		if got := app.scalar(c.state); got != c.open {
			t.Errorf("after a bad %s the block is %v, want %v", b.field, got, c.open)
		}
	}
}

// wantOnlyOwnerCloses posts form for entry id as another user, and for an
// entry of Ann's with no such block: both are a 404.
func (c closing) wantOnlyOwnerCloses(t *testing.T, app *testApp, ann *client, dana, id string, form url.Values) {
	t.Helper()
	bob := app.signedUp("bob@example.com")
	wantStatus(t, bob.post("/entries/"+id+"/"+c.action, form), http.StatusNotFound)
	plain := ann.createdID("/entries", blockForm(dana, "2026-11-24"), "/entries/")
	wantStatus(t, ann.post("/entries/"+plain+"/"+c.action, form), http.StatusNotFound)
}
