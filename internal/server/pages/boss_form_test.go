package pages

import (
	"maps"
	"net/url"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// sameValues reports the form values that differ from want.
func sameValues(t *testing.T, got, want map[string]string) {
	t.Helper()
	if !maps.Equal(got, want) {
		t.Errorf("values %q, want %q", got, want)
	}
}

// TestSmallFormsRoundTrip holds that the boss, priority and follow-up
// forms, read from a request, fill the form again exactly as typed, also
// after the domain has validated (and trimmed) its copy; and that a stored
// record's edit form, posted back, is that record.
func TestSmallFormsRoundTrip(t *testing.T) {
	t.Run("boss", func(t *testing.T) {
		typed := map[string]string{"name": " Dana ", "relation": "skip", "role": "VP\x01", "token": "tok"}
		p := parseBossPost(postedForm(t, formOf(typed)))
		in := p.input()
		_ = in.Validate()
		if in.Name != "Dana" {
			t.Errorf("input name %q, want it trimmed", in.Name)
		}
		sameValues(t, p.values(), typed)

		b := &journal.Boss{Name: "Dana", Relation: "manager", Role: "CTO"}
		back := parseBossPost(postedForm(t, formOf(bossPostOf(b).values()))).input()
		if back != (journal.BossInput{Name: "Dana", Relation: "manager", Role: "CTO"}) {
			t.Errorf("edit form posted back %+v, want the boss %+v", back, b)
		}
	})
	t.Run("priority", func(t *testing.T) {
		typed := map[string]string{"text": "  Ship Q4  ", "token": "tok"}
		p := parsePriorityPost(postedForm(t, formOf(typed)))
		in := p.input()
		_ = in.Validate()
		if in.Text != "Ship Q4" {
			t.Errorf("input text %q, want it trimmed", in.Text)
		}
		sameValues(t, p.values(), typed)
	})
	t.Run("follow-up", func(t *testing.T) {
		typed := map[string]string{"text": " Send notes ", "owner": "nobody", "due_on": "friday", "token": "tok"}
		p := parseFollowUpPost(postedForm(t, formOf(typed)))
		in := p.input()
		if journal.FieldErrors(in.Validate())["owner"] == "" || in.Text != "Send notes" {
			t.Errorf("input %+v: want it trimmed and its owner refused", in)
		}
		sameValues(t, p.values(), typed)

		f := &journal.FollowUp{Text: "Send notes", Owner: "boss", DueOn: "2026-12-01"}
		back := parseFollowUpPost(postedForm(t, formOf(followUpPostOf(f).values()))).input()
		if back != (journal.FollowUpInput{Text: "Send notes", Owner: "boss", DueOn: "2026-12-01"}) {
			t.Errorf("edit form posted back %+v, want the follow-up %+v", back, f)
		}
		if v := newFollowUpPost().values(); v["owner"] != "me" || v["text"] != "" {
			t.Errorf("a new follow-up form %q, want owned by me and empty", v)
		}
	})
}

// formOf is a posted form of single values.
func formOf(values map[string]string) url.Values {
	form := url.Values{}
	for k, v := range values {
		form.Set(k, v)
	}
	return form
}
