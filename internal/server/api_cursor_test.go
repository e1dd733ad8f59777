package server

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/export"
	apiv1 "github.com/leadup/leadup/internal/server/api"
)

// TestAPICursorHoldsNoRowID: the entry list's cursor shows no internal
// row id in any form, works only for the user it was made for, and a
// changed cursor is refused. Row ids are pushed far from anything else
// in the cursor first, as on a server with many entries, so that finding
// one in it is no accident.
func TestAPICursorHoldsNoRowID(t *testing.T) {
	app := newTestApp(t)
	_, ann := apiUser(t, app, "ann@example.com")
	_, bob := apiUser(t, app, "bob@example.com")
	var bobsBoss export.Boss
	bob.do("POST", "/bosses", map[string]string{"name": "Lee"}).decode(t, &bobsBoss)
	_, err := app.db.Writer().Exec(`INSERT INTO entries (id, public_id, user_id, boss_id, occurred_on, kind, summary, created_at, updated_at)
		SELECT 987650, 'filler', user_id, id, '2026-01-01', 'other', 'filler', created_at, created_at FROM bosses WHERE public_id = ?`, bobsBoss.ID)
	if err != nil {
		t.Fatal(err)
	}

	var boss export.Boss
	ann.do("POST", "/bosses", map[string]string{"name": "Dana"}).decode(t, &boss)
	for _, d := range []string{"2026-01-05", "2026-01-05", "2026-01-04", "2026-01-03", "2026-01-02"} {
		if r := ann.do("POST", "/entries", map[string]any{"boss_id": boss.ID, "occurred_on": d, "summary": "Sync " + d, "practices": []string{"team"}}); r.status != http.StatusCreated {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
	}
	rows, err := app.db.Reader().Query("SELECT id FROM entries WHERE public_id <> 'filler'")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) != 5 || ids[0] <= 987650 {
		t.Fatalf("row ids %v, want five above 987650", ids)
	}

	for _, query := range []string{"", "&practice=team", "&q=sync"} {
		var page apiv1.EntryList
		ann.do("GET", "/entries?limit=2"+query, nil).decode(t, &page)
		if page.Next == nil {
			t.Fatalf("%q: no next cursor after 2 of 5 entries", query)
		}
		cursor := *page.Next
		for _, id := range ids {
			if shows(cursor, id) {
				t.Errorf("%q: cursor %q shows row id %d", query, cursor, id)
			}
		}
		next := "/entries?limit=2" + query + "&cursor=" + url.QueryEscape(cursor)
		wantStatus200(t, ann.do("GET", next, nil))
		if r := bob.do("GET", next, nil); r.status != http.StatusBadRequest {
			t.Errorf("%q: another user's cursor: %d %s, want 400", query, r.status, r.body)
		}
		changed := []byte(cursor)
		if changed[len(changed)/2] != 'A' {
			changed[len(changed)/2] = 'A'
		} else {
			changed[len(changed)/2] = 'B'
		}
		if r := ann.do("GET", "/entries?limit=2"+query+"&cursor="+url.QueryEscape(string(changed)), nil); r.status != http.StatusBadRequest {
			t.Errorf("%q: a changed cursor: %d %s, want 400", query, r.status, r.body)
		}
	}

	// The cursor keeps its place when the entry it ended on is deleted.
	var first, rest apiv1.EntryList
	ann.do("GET", "/entries?limit=2", nil).decode(t, &first)
	if r := ann.do("DELETE", "/entries/"+first.Entries[1].ID, nil); r.status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	ann.do("GET", "/entries?limit=10&cursor="+url.QueryEscape(*first.Next), nil).decode(t, &rest)
	if len(rest.Entries) != 3 || rest.Entries[0].ID == first.Entries[0].ID || rest.Entries[0].OccurredOn != "2026-01-04" {
		t.Errorf("after the page's last entry was deleted, the next page is %+v; want the 3 entries from 2026-01-04 on", rest.Entries)
	}
}

// shows reports whether cursor carries id: in decimal, as it is or under
// base64 of either alphabet, or as 4 or 8 bytes of either byte order.
func shows(cursor string, id int64) bool {
	dec := strconv.FormatInt(id, 10)
	if strings.Contains(cursor, dec) {
		return true
	}
	var forms [][]byte
	forms = append(forms, []byte(dec),
		binary.BigEndian.AppendUint32(nil, uint32(id)), binary.LittleEndian.AppendUint32(nil, uint32(id)),
		binary.BigEndian.AppendUint64(nil, uint64(id)), binary.LittleEndian.AppendUint64(nil, uint64(id)))
	for _, enc := range []*base64.Encoding{base64.RawURLEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.StdEncoding} {
		raw, err := enc.DecodeString(cursor)
		if err != nil {
			continue
		}
		for _, f := range forms {
			if bytes.Contains(raw, f) {
				return true
			}
		}
	}
	return false
}
