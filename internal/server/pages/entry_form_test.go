package pages

import (
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// postedForm is a parsed POST of form.
func postedForm(t *testing.T, form url.Values) *http.Request {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/entries", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if err := r.ParseForm(); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestEntryPostRoundTrip holds that the entry form, read from a request,
// fills the form again with every value exactly as typed — spaces, a bad
// id, an empty option box — also after its input has been validated
// (which trims its own copy).
func TestEntryPostRoundTrip(t *testing.T) {
	single := map[string]string{
		"boss_id": "abc", "new_boss_name": "  Ann  ", "occurred_on": " 2026-11-20", "kind": "one_on_one",
		"summary": " Sync \x01", "notes": "line\r\n", "priority_id": "7",
		"problem": " Builds are slow ", "recommendation": "Cache ",
		"bet": " Ship Friday", "downside": "d", "mitigation": "m", "review_on": "2026-12-01",
		"forecast": "f ", "expected_by": "2026-12-02", "likelihood": "high", "impact": "i", "prepared": "p", "noticed_on": "2026-11-19",
		"followup_text": " Send the notes ", "followup_owner": "boss", "followup_due_on": "tomorrow", "token": "tok",
	}
	form := url.Values{"practice": {"risk", "results", "golf"}, "option": {" a", "", "b "}}
	for k, v := range single {
		form.Set(k, v)
	}
	p := parseEntryPost(postedForm(t, form))
	in, err := p.input()
	if journal.FieldErrors(err)["boss"] == "" {
		t.Errorf("input() problems %v, want one beside the boss", journal.FieldErrors(err))
	}
	_ = in.Validate("2026-11-21")
	if in.Problem == nil || in.Problem.Options[0] != "a" || !slices.Contains(in.Practices, "solutions") {
		t.Fatalf("input %+v: want the blocks read, trimmed and tagged", in)
	}

	values := p.values()
	for k, want := range single {
		if got := values[k]; got != want {
			t.Errorf("values[%q] = %q, want %q as typed", k, got, want)
		}
	}
	for i, want := range form["option"] {
		if got := values["option."+string(rune('1'+i))]; got != want {
			t.Errorf("option %d = %q, want %q as typed", i+1, got, want)
		}
	}
	if got, want := p.Entry.Practices, form["practice"]; !slices.Equal(got, want) {
		t.Errorf("practices %v, want %v as ticked", got, want)
	}
	if extra := slices.DeleteFunc(slices.Collect(maps.Keys(values)), func(k string) bool {
		_, ok := single[k]
		return ok || strings.HasPrefix(k, "option.")
	}); len(extra) > 0 {
		t.Errorf("values hold fields the form has not: %v", extra)
	}
}

// TestEntryPostLeavesUnsentBlocks holds that a form without a block's
// fields leaves a stored block alone (a nil block in the input) and shows
// it empty.
func TestEntryPostLeavesUnsentBlocks(t *testing.T) {
	p := parseEntryPost(postedForm(t, url.Values{"summary": {"s"}, "bet": {""}}))
	in, err := p.input()
	if err != nil {
		t.Fatal(err)
	}
	if in.Problem != nil || in.Forecast != nil || in.Bet == nil || !in.Bet.Empty() {
		t.Errorf("blocks problem %v bet %v forecast %v: want only the bet, empty", in.Problem, in.Bet, in.Forecast)
	}
	if v := p.values(); v["problem"] != "" || v["forecast"] != "" || v["summary"] != "s" {
		t.Errorf("values %v", v)
	}
}

// TestEntryPostOfEntry holds that the edit form of a stored entry, posted
// back unchanged, is the same entry.
func TestEntryPostOfEntry(t *testing.T) {
	e := &journal.Entry{
		BossID: 3, OccurredOn: "2026-11-20", Kind: "email", Summary: "Sync", Notes: "n",
		Practices: []string{"results", "solutions"}, PriorityID: 9,
		Problem: &journal.Problem{Problem: "p", Options: []string{"a", "b"}, Recommendation: "a"},
		Bet:     &journal.Bet{Bet: "b", Downside: "d", Mitigation: "m", ReviewOn: "2026-12-01"},
	}
	values := entryPostOf(e).values()
	form := url.Values{"practice": e.Practices}
	for k, v := range values {
		if !strings.HasPrefix(k, "option.") {
			form.Set(k, v)
		}
	}
	for n := 1; values["option."+strconv.Itoa(n)] != ""; n++ { // the boxes, as a browser posts them
		form.Add("option", values["option."+strconv.Itoa(n)])
	}
	in, err := parseEntryPost(postedForm(t, form)).input()
	if err != nil {
		t.Fatal(err)
	}
	if in.BossID != 3 || in.PriorityID != 9 || in.OccurredOn != e.OccurredOn || in.Kind != e.Kind ||
		in.Summary != e.Summary || in.Notes != e.Notes || !slices.Equal(in.Practices[:2], e.Practices) /* then the blocks' */ {
		t.Errorf("input %+v, want the entry %+v", in, e)
	}
	if in.Problem == nil || !slices.Equal(in.Problem.Options, e.Problem.Options) || in.Problem.Recommendation != "a" ||
		in.Bet == nil || *in.Bet != (journal.BetInput{Bet: "b", Downside: "d", Mitigation: "m", ReviewOn: "2026-12-01"}) ||
		in.Forecast == nil || !in.Forecast.Empty() {
		t.Errorf("blocks problem %+v bet %+v forecast %+v, want the entry's (and no forecast)", in.Problem, in.Bet, in.Forecast)
	}
}
