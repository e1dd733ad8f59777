package server

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/export"
)

func TestManualExportImport(t *testing.T) {
	app, ann := newAnnApp(t)
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	ann.createdID("/bosses", url.Values{"name": {"Eve"}, "relation": {"executive"}}, "/bosses/")
	wantStatus(t, ann.post("/bosses/"+dana+"/manual", url.Values{"manual_prefers": {"writing"}, "manual_channel": {"Email"},
		"manual_cares": {"Hiring"}, "manual_frustrations": {"Late news"}, "manual_notes": {"Send a *summary* first."}}), http.StatusSeeOther)

	first, f := exported(t, ann)
	want := &export.Manual{Prefers: "writing", Channel: "Email", Cares: "Hiring", Frustrations: "Late news", Notes: "Send a *summary* first."}
	if len(f.Bosses) != 2 || !reflect.DeepEqual(f.Bosses[0].Manual, want) || f.Bosses[1].Manual != nil {
		t.Fatalf("bosses in the export: %+v", f.Bosses)
	}
	if strings.Count(first, `"manual"`) != 1 {
		t.Error("a boss without a manual exports one")
	}

	// Into a fresh account, exactly.
	bob := importInto(t, app, "bob@example.com", first)

	// An older file without the manual leaves it alone; a bad one is refused
	// with its path and nothing is written.
	old := strings.Replace(first, `,"manual":{"prefers":"writing","channel":"Email","cares":"Hiring","frustrations":"Late news","notes":"Send a *summary* first."}`, "", 1)
	if old == first {
		t.Fatalf("the test's manual text is not in the export:\n%s", first)
	}
	wantStatus(t, bob.upload([]byte(old)), http.StatusSeeOther)
	if got := app.scalar("SELECT manual_channel FROM bosses b JOIN users u ON u.id = b.user_id WHERE u.email = 'bob@example.com' AND b.name = 'Dana'"); got != "Email" {
		t.Errorf("an old file cleared the manual: %v", got)
	}
	bad := strings.Replace(first, `"prefers":"writing"`, `"prefers":"by pigeon"`, 1)
	wantImportRefused(t, app, bob, []byte(strings.Replace(bad, `"channel":"Email"`, `"channel":"Signal"`, 1)), "bosses[0].manual.prefers:")
	if got := app.scalar("SELECT count(*) FROM bosses WHERE manual_channel = 'Signal'"); got != int64(0) {
		t.Errorf("a refused import wrote %v manuals", got)
	}
}
