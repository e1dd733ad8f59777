package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/golden"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

var created = time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)

// journalFixture is one user's small journal, in the order the store
// visits it: bosses, priorities, then entries newest first.
func journalFixture() (*journal.User, []*journal.Boss, []*journal.Priority, []*journal.Entry) {
	u := &journal.User{PublicID: "11111111-1111-4111-8111-111111111111", Email: "ann@example.com", DisplayName: "Ann Lee",
		TimeZone: "Europe/Berlin", CreatedAt: created}
	bosses := []*journal.Boss{
		{ID: 1, PublicID: "22222222-2222-4222-8222-222222222222", Name: "Dana Reyes", Relation: "manager", Role: "VP Engineering", CreatedAt: created, UpdatedAt: created},
		{ID: 2, PublicID: "22222222-2222-4222-8222-333333333333", Name: "Lee Park", Relation: "skip_level", Archived: true, CreatedAt: created, UpdatedAt: created},
	}
	prios := []*journal.Priority{
		{ID: 5, PublicID: "44444444-4444-4444-8444-444444444444", BossID: 1, BossPublicID: bosses[0].PublicID, Text: "Cut churn by Q1",
			Status: "active", NotedOn: "2026-11-02", StatusChangedAt: created, CreatedAt: created},
	}
	doneAt := time.Date(2026, 11, 24, 16, 0, 0, 0, time.UTC)
	entries := []*journal.Entry{
		{ID: 10, PublicID: "55555555-5555-4555-8555-555555555555", BossID: 1, BossPublicID: bosses[0].PublicID, BossName: "Dana Reyes",
			OccurredOn: "2026-11-24", Kind: "one_on_one", Summary: "Shipped the billing migration", Notes: "Went live **on time**.\n\n- no incidents",
			Practices: []string{"results", "priorities", "risk"}, PriorityID: 5, PriorityPublicID: prios[0].PublicID, CreatedAt: created, UpdatedAt: created,
			Bet: &journal.Bet{Bet: "Moving *billing* first cuts churn", Downside: "A week lost", Mitigation: "Feature flag", ReviewOn: "2026-12-15"},
			FollowUps: []*journal.FollowUp{
				{PublicID: "66666666-6666-4666-8666-666666666666", Text: "Send the post-mortem", Owner: "me", DueOn: "2026-11-25",
					DoneAt: &doneAt, DoneOn: "2026-11-24", CreatedAt: created},
				{PublicID: "66666666-6666-4666-8666-777777777777", Text: "Intro to finance", Owner: "boss", CreatedAt: created},
			}},
		{ID: 9, PublicID: "55555555-5555-4555-8555-999999999999", BossID: 2, BossPublicID: bosses[1].PublicID, BossName: "Lee Park",
			OccurredOn: "2026-11-10", Kind: "email", Summary: "=SUM(A1) asked about the budget", Practices: []string{"solutions"},
			Problem: &journal.Problem{Problem: "Budget <overrun>", Options: []string{"Cut scope", "Ask for [more]"}, Recommendation: "Cut scope",
				Decision: "taken", DecidedOn: "2026-11-12", DecisionNote: "Agreed"},
			Forecast: &journal.Forecast{Forecast: "Q1 budget *freeze*", ExpectedBy: "2027-01-05", Likelihood: "medium", Impact: "=Hiring stops",
				Prepared: "A [lean] plan", NoticedOn: "2026-11-03", Result: "averted", ResolvedOn: "2026-11-20"},
			CreatedAt: created, UpdatedAt: created},
	}
	return u, bosses, prios, entries
}

// writer is what every export format implements.
type writer interface {
	Boss(*journal.Boss) error
	Priority(*journal.Priority) error
	Entry(*journal.Entry) error
	Close() error
}

func writeAll(t *testing.T, w writer) {
	t.Helper()
	_, bosses, prios, entries := journalFixture()
	for _, b := range bosses {
		if err := w.Boss(b); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range prios {
		if err := w.Priority(p); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range entries {
		if err := w.Entry(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestJSONExport(t *testing.T) {
	u, _, _, _ := journalFixture()
	var b bytes.Buffer
	w, err := NewJSONWriter(&b, u, created.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, w)
	golden.Check(t, "export.json", b.String())

	// It reads back as the same records.
	imp, err := collect(bytes.NewReader(b.Bytes()), "2026-11-27")
	if err != nil {
		t.Fatalf("the export does not read back: %v", err)
	}
	_, bosses, prios, entries := journalFixture()
	if len(imp.Bosses) != len(bosses) || len(imp.Priorities) != len(prios) || len(imp.Entries) != len(entries) {
		t.Fatalf("read back %d bosses, %d priorities, %d entries; want %d, %d, %d",
			len(imp.Bosses), len(imp.Priorities), len(imp.Entries), len(bosses), len(prios), len(entries))
	}
	got, want := imp.Entries[0], entries[0]
	if got.PublicID != want.PublicID || got.Summary != want.Summary || got.Notes != want.Notes ||
		got.PriorityPublicID != want.PriorityPublicID || got.BossPublicID != want.BossPublicID || len(got.FollowUps) != 2 {
		t.Errorf("entry read back as %+v, want %+v", got, want)
	}
	if f := got.FollowUps[0]; f.DoneAt == nil || !f.DoneAt.Equal(*want.FollowUps[0].DoneAt) || f.DoneOn != "2026-11-24" || f.DueOn != "2026-11-25" {
		t.Errorf("done follow-up read back as %+v", f)
	}
	if !imp.Bosses[1].Archived || imp.Bosses[0].Role != "VP Engineering" {
		t.Errorf("bosses read back as %+v, %+v", imp.Bosses[0], imp.Bosses[1])
	}
}

func TestCSVExport(t *testing.T) {
	var b bytes.Buffer
	w, err := NewCSVWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, w)
	golden.Check(t, "export.csv", b.String())
}

func TestMarkdownExport(t *testing.T) {
	u, _, _, _ := journalFixture()
	var b bytes.Buffer
	w, err := NewMarkdownWriter(&b, u, "2026-11-27", i18n.MustLoad("en").Localizer("en"))
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, w)
	golden.Check(t, "export.md", b.String())
}

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := Neutralize(tt.in); got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadRefuses(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"not JSON", `{"format":`, "not valid JSON"},
		{"wrong type", `{"format":"leadup-export","version":"1"}`, "should be a"},
		{"another format", `{"format":"other","version":1}`, "not a leadup export"},
		{"another version", `{"format":"leadup-export","version":2}`, "version 2"},
		{"bad ids and dates", `{"format":"leadup-export","version":1,"bosses":[{"id":"x","name":"B","relation":"manager","created_at":"now","updated_at":"now"}],
			"priorities":[{"id":"y","boss_id":"x","text":"T","status":"active","noted_on":"today","status_changed_at":"now","created_at":"now"}]}`, "not a UUID"},
		{"duplicate ids", `{"format":"leadup-export","version":1,"bosses":[
			{"id":"22222222-2222-4222-8222-222222222222","name":"A","relation":"manager","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"},
			{"id":"22222222-2222-4222-8222-222222222222","name":"B","relation":"manager","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}]}`, "the same id as bosses[0]"},
		{"missing relation", `{"format":"leadup-export","version":1,"bosses":[{"id":"22222222-2222-4222-8222-222222222222","name":"A","relation":"",
			"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}]}`, "relation: missing"},
		{"done without date", `{"format":"leadup-export","version":1,"entries":[{"id":"55555555-5555-4555-8555-555555555555","boss_id":"22222222-2222-4222-8222-222222222222",
			"occurred_on":"2026-01-05","kind":"email","summary":"S","practices":["team"],"created_at":"2026-01-05T00:00:00Z","updated_at":"2026-01-05T00:00:00Z",
			"followups":[{"id":"66666666-6666-4666-8666-666666666666","text":"T","owner":"me","done_at":"2026-01-05T00:00:00Z","created_at":"2026-01-05T00:00:00Z"}]}]}`, "go together"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := collect(strings.NewReader(tt.in), "2026-11-27")
			if code := journal.ErrorCode(err); code != journal.EINVALID {
				t.Fatalf("code %q (%v), want %q", code, err, journal.EINVALID)
			}
			if msg := journal.ErrorMessage(err); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q, want it to say %q", msg, tt.want)
			}
		})
	}
}
