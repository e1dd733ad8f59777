package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// evidenceFixture adds to the week fixture (today Fri 2026-11-27) a second
// priority for Dana, noted on 1 October and never worked on.
//
// Dana's priorities on 27 Nov:
//
//	Ship the Q4 plan  e1 on 23 Nov: 1 in 4 weeks, 1 in 12; Dana's entries
//	                  in the 12 weeks (3 Sep – 27 Nov) are 10, 20, 23 and
//	                  25 Nov = 4, so 25%; touched this week, not flagged
//	Hire a QA lead    nothing since 1 Oct: 8 weeks, flagged
//
// Dana's promises this quarter (1 Oct – 31 Dec): Send the deck (due 26 Nov,
// done 27: late), Intro to the CFO (due 28, done 27: on time), Draft the
// roadmap (due 2 Dec: not yet due), Approve the budget (boss, due 24 Nov:
// overdue).
func evidenceFixture(t *testing.T) *weekFixture {
	f := newWeekFixture(t)
	f.ann.createdID("/bosses/"+f.dana+"/priorities", url.Values{"text": {"Hire a QA lead"}}, "/bosses/")
	if _, err := f.app.db.Writer().Exec("UPDATE priorities SET noted_on = '2026-10-01' WHERE text = 'Hire a QA lead'"); err != nil {
		t.Fatal(err)
	}
	return f
}

func rowOf(t *testing.T, body, start string) string {
	t.Helper()
	i := strings.Index(body, start)
	if i < 0 {
		t.Fatalf("no %q in the page", start)
	}
	row := body[i:]
	return row[:strings.Index(row, "</tr>")]
}

func TestBossAndPrepShowDriftAndPromises(t *testing.T) {
	f := evidenceFixture(t)
	for _, path := range []string{"/bosses/" + f.dana, "/bosses/" + f.dana + "/prep"} {
		r := f.ann.get(path)
		wantStatus(t, r, http.StatusOK)
		checkNoInline(t, path, r.body)
		wantBody(t, r, "Priority drift", "1 in 4 weeks · 1 in 12 weeks (25% of entries) · touched this week",
			"<strong class=\"flag\">Drifting:</strong>", "0 in 4 weeks · 0 in 12 weeks (0% of entries) · no entry in the 8 weeks since it was noted",
			"Promises this quarter")
		drift := r.body[strings.Index(r.body, "Priority drift"):]
		if strings.Index(drift, "Drifting:") > strings.Index(drift, "Hire a QA lead") || strings.Count(drift[:strings.Index(drift, "</section>")], "Drifting:") != 1 {
			t.Errorf("%s: only Hire a QA lead should be flagged", path)
		}
		key := map[bool]string{true: "boss", false: "prep"}[!strings.HasSuffix(path, "/prep")]
		ledger := r.body[strings.Index(r.body, `id="`+key+`-promises-heading"`):]
		if got, want := rowOf(t, ledger, `<th scope="row">Me</th>`), "<td>2</td><td>1</td><td>1</td><td>0</td><td>50%</td><td>1</td><td>0</td>"; !strings.Contains(got, want) {
			t.Errorf("%s ledger Me: %s, want %s", path, got, want)
		}
		if got, want := rowOf(t, ledger, `<th scope="row">The boss</th>`), "<td>1</td><td>0</td><td>0</td><td>1</td><td>0%</td><td>0</td><td>0</td>"; !strings.Contains(got, want) {
			t.Errorf("%s ledger boss: %s, want %s", path, got, want)
		}
	}
	// Eve has no priorities and no promises.
	wantBody(t, f.ann.get("/bosses/"+f.eve), "No active priorities.")
	// The week page names the boss of each priority.
	wantBody(t, f.ann.get("/weeks/2026-W48"), `id="week-drift-heading"`, "Hire a QA lead", "<span class=\"muted\">(Dana)</span>")
	md := f.ann.get("/bosses/" + f.dana + "/prep.md")
	wantBody(t, md, "## Priorities drifting (untouched three weeks or more)\n\n- Hire a QA lead: no entry in the 8 weeks since it was noted\n",
		"## Promises this quarter\n\n- Mine: 2 promises fell due, 1 kept on time, 1 late, 0 overdue (50% on time); 1 not yet due, 0 withdrawn.\n")
	// Another user's boss stays a 404.
	wantStatus(t, f.bob.get("/bosses/"+f.dana+"/prep"), http.StatusNotFound)
	wantStatus(t, f.bob.get("/bosses/"+f.dana), http.StatusNotFound)
}

func TestBossManual(t *testing.T) {
	f := evidenceFixture(t)
	prep := f.ann.get("/bosses/" + f.dana + "/prep")
	wantBody(t, prep, "How they work", "Nothing noted yet.")

	save := "/bosses/" + f.dana + "/manual"
	bad := url.Values{"manual_prefers": {"pigeon"}, "manual_channel": {"Slack DM"}, "manual_cares": {strings.Repeat("c", 301)}, "manual_notes": {"Keep it *short*"}}
	r := f.ann.post(save, bad)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `id="manual_prefers-error"`, `id="manual_cares-error"`, "300 characters", `value="Slack DM"`, "Keep it *short*</textarea>")
	if got := f.app.scalar("SELECT manual_channel FROM bosses WHERE id = " + f.dana); got != "" {
		t.Errorf("a refused manual was written: %v", got)
	}

	good := url.Values{"manual_prefers": {"in_person"}, "manual_channel": {"Slack *DM*"}, "manual_cares": {"The Q1 launch"},
		"manual_frustrations": {"Surprises in the board pack"}, "manual_notes": {"Brief **first**, details after.\n\n<script>alert(1)</script>"}}
	wantStatus(t, f.ann.post(save, good), http.StatusSeeOther)
	boss := f.ann.get("/bosses/" + f.dana)
	wantBody(t, boss, `<option value="in_person" selected>`, `value="Slack *DM*"`, `value="Surprises in the board pack"`, "details after.\n\n&lt;script&gt;alert(1)&lt;/script&gt;</textarea>")

	if strings.Contains(boss.body, "<script>alert") {
		t.Error("the boss page carries the manual's script live")
	}

	// The prep page shows the notes through templ.Raw, rendered and
	// sanitised by internal/markdown as entry notes are.
	prep = f.ann.get("/bosses/" + f.dana + "/prep")
	wantBody(t, prep, "<dt>Likes information</dt>", "<dd>In person</dd>", "<dd>Slack *DM*</dd>", "<dd>The Q1 launch</dd>", "<strong>first</strong>")
	if strings.Contains(prep.body, "<script>alert") {
		t.Error("the manual's notes carry a live script")
	}
	if strings.Index(prep.body, "How they work") > strings.Index(prep.body, "Open follow-ups") {
		t.Error("the manual is not at the top of the prep page")
	}
	md := f.ann.get("/bosses/" + f.dana + "/prep.md")
	wantBody(t, md, "## How Dana works\n\n- Likes information: in person\n- Channel: Slack \\*DM\\*\n- Cares most about this year: The Q1 launch\n")
	if strings.Index(md.body, "## How Dana works") > strings.Index(md.body, "## What I owe") {
		t.Error("the manual is not first in prep.md")
	}

	// Another user can neither read nor write it.
	wantStatus(t, f.bob.post(save, good), http.StatusNotFound)
	wantStatus(t, f.ann.post("/bosses/999999/manual", good), http.StatusNotFound)
}
