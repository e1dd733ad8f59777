package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestFollowUpEditAndWithdraw(t *testing.T) {
	f := newWeekFixture(t) // today is 2026-11-27
	late := fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = 'Approve the budget'"))
	edit := "/followups/" + late + "/edit"

	r := f.ann.get(edit)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `value="Approve the budget"`, `value="2026-11-24"`)

	// A bad date is refused beside the field with what was typed kept.
	bad := f.ann.post(edit, url.Values{"text": {"Approve the Q1 budget"}, "owner": {"boss"}, "due_on": {"next week"}})
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantBody(t, bad, `id="due_on-error"`, `value="Approve the Q1 budget"`)

	// Moving the slipped date clears "overdue" but keeps the first promise.
	ok := f.ann.post(edit, url.Values{"text": {"Approve the Q1 budget"}, "owner": {"boss"}, "due_on": {"2026-12-04"}})
	wantStatus(t, ok, http.StatusSeeOther)
	if got := f.app.scalar("SELECT text || '|' || due_on || '|' || first_due_on FROM followups WHERE id = " + late); got != "Approve the Q1 budget|2026-12-04|2026-11-24" {
		t.Errorf("row after edit: %v", got)
	}
	fu := f.ann.get("/followups")
	if strings.Contains(fu.body, "overdue since Tue 24 Nov") {
		t.Error("a moved follow-up still shows as overdue")
	}
	// Done now, it was still late against the first date (due W48).
	wantStatus(t, f.ann.post("/followups/"+late, url.Values{"done": {"1"}}), http.StatusSeeOther)
	var w48 struct {
		FollowUps struct {
			OnTime map[string]struct{ Due, Kept int } `json:"on_time"`
		} `json:"followups"`
	}
	if err := json.Unmarshal([]byte(f.ann.get("/weeks/2026-W48.json").body), &w48); err != nil {
		t.Fatal(err)
	}
	if b := w48.FollowUps.OnTime["boss"]; b.Due != 1 || b.Kept != 0 {
		t.Errorf("W48 boss on time: due %d kept %d; the moved, late promise must count as due and not kept", b.Due, b.Kept)
	}

	// Withdrawing asks first, without script.
	del := "/followups/" + late + "/delete"
	confirm := f.ann.post(del, url.Values{})
	wantStatus(t, confirm, http.StatusOK)
	wantBody(t, confirm, "Remove this follow-up?", `name="confirm" value="yes"`)
	if n := f.app.scalar("SELECT count(*) FROM followups WHERE withdrawn_at IS NOT NULL"); n != int64(0) {
		t.Fatalf("withdrawn before confirming: %v", n)
	}
	wantStatus(t, f.ann.post(del, url.Values{"confirm": {"yes"}}), http.StatusSeeOther)
	// Gone from pages, exports and search; still counted.
	for _, p := range []string{"/followups", "/entries/" + f.e2, "/export.json", "/export.csv", "/export.md", "/bosses/" + f.dana, "/bosses/" + f.dana + "/prep", "/entries?q=budget"} {
		if r := f.ann.get(p); strings.Contains(r.body, "Q1 budget") {
			t.Errorf("%s still shows the withdrawn follow-up", p)
		}
	}
	wantBody(t, f.ann.get("/followups"), "1 withdrawn follow-up is not shown.")
	if n := f.app.scalar("SELECT count(*) FROM followups WHERE withdrawn_at IS NOT NULL"); n != int64(1) {
		t.Errorf("withdrawn rows %v, want 1 (a soft delete)", n)
	}
	wantStatus(t, f.ann.get(edit), http.StatusNotFound)

	// Another user's follow-up is a 404 on all three.
	mine := fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = 'Draft the roadmap'"))
	wantStatus(t, f.bob.get("/followups/"+mine+"/edit"), http.StatusNotFound)
	wantStatus(t, f.bob.post("/followups/"+mine+"/edit", url.Values{"text": {"hijacked"}, "owner": {"me"}}), http.StatusNotFound)
	wantStatus(t, f.bob.post("/followups/"+mine+"/delete", url.Values{"confirm": {"yes"}}), http.StatusNotFound)
	if got := f.app.scalar("SELECT text || coalesce(withdrawn_at, '') FROM followups WHERE id = " + mine); got != "Draft the roadmap" {
		t.Errorf("Bob changed Ann's follow-up: %v", got)
	}
}

func TestMovedDateStillCountsLate(t *testing.T) {
	f := newWeekFixture(t)
	// "Draft the roadmap" is due Wed 2 Dec (W49). Moving it to W50 and
	// doing it then keeps it in W49's count, as not kept.
	id := fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = 'Draft the roadmap'"))
	wantStatus(t, f.ann.post("/followups/"+id+"/edit", url.Values{"text": {"Draft the roadmap"}, "owner": {"me"}, "due_on": {"2026-12-09"}}), http.StatusSeeOther)
	wantStatus(t, f.ann.post("/followups/"+id, url.Values{"done": {"1"}}), http.StatusSeeOther) // done 27 Nov, early
	var got struct {
		FollowUps struct {
			OnTime map[string]struct{ Due, Kept int } `json:"on_time"`
		} `json:"followups"`
	}
	for week, want := range map[string][2]int{"2026-W49": {1, 1}, "2026-W50": {0, 0}} {
		getJSON(t, f.ann, "/weeks/"+week+".json", &got)
		if m := got.FollowUps.OnTime["mine"]; m.Due != want[0] || m.Kept != want[1] {
			t.Errorf("%s mine on time: due %d kept %d, want %v (judged by the first date)", week, m.Due, m.Kept, want)
		}
	}
}

func TestMovedDateSurvivesExportAndImport(t *testing.T) {
	f := newWeekFixture(t)
	id := fmtAny(f.app.scalar("SELECT id FROM followups WHERE text = 'Approve the budget'"))
	wantStatus(t, f.ann.post("/followups/"+id+"/edit", url.Values{"text": {"Approve the budget"}, "owner": {"boss"}, "due_on": {"2026-12-04"}}), http.StatusSeeOther)
	exp := f.ann.get("/export.json")
	wantStatus(t, exp, http.StatusOK)
	wantBody(t, exp, `"due_on":"2026-12-04"`, `"first_due_on":"2026-11-24"`)

	carl := f.app.signedUp("carl@example.com")
	r := carl.upload([]byte(exp.body))
	if r.status != http.StatusSeeOther && r.status != http.StatusOK {
		t.Fatalf("import: %d\n%.1000s", r.status, r.body)
	}
	got := f.app.scalar("SELECT f.due_on || '|' || f.first_due_on FROM followups f JOIN users u ON u.id = f.user_id WHERE u.email = 'carl@example.com' AND f.text = 'Approve the budget'")
	if got != "2026-12-04|2026-11-24" {
		t.Errorf("imported dates %v, want the moved date and the first one", got)
	}
}
