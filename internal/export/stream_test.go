package export

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

const (
	bossJSON  = `{"id":"00000000-0000-4000-8000-00000000000%d","name":"Dana","relation":"manager","role":"","archived":false,"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}`
	prioJSON  = `{"id":"00000000-0000-4000-8000-00000000010%d","boss_id":"00000000-0000-4000-8000-000000000001","text":"Ship it","status":"active","noted_on":"2026-01-01","status_changed_at":"2026-01-01T00:00:00Z","created_at":"2026-01-01T00:00:00Z"}`
	entryJSON = `{"id":"00000000-0000-4000-8000-00000000020%d","boss_id":"00000000-0000-4000-8000-000000000001","occurred_on":"2026-01-01","kind":"other","summary":"Sync %d","notes":"","practices":["results"],"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","followups":[]}`
)

// order records what a sink received, and how much of the file had been
// read by then.
type order struct {
	got  []string
	read *countingReader
}

func (o *order) note(s string)                             { o.got = append(o.got, fmt.Sprintf("%s@%d", s, o.read.n)) }
func (o *order) Boss(i int, _ *journal.Boss) error         { o.note(fmt.Sprint("b", i)); return nil }
func (o *order) Priority(i int, _ *journal.Priority) error { o.note(fmt.Sprint("p", i)); return nil }
func (o *order) Entry(i int, _ *journal.Entry) error       { o.note(fmt.Sprint("e", i)); return nil }
func (o *order) Schedule(i int, _ *journal.Schedule) error { o.note(fmt.Sprint("s", i)); return nil }
func (o *order) Notifications(*journal.NotificationSettings) error {
	o.note("n")
	return nil
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	// One byte at a time, so the count says where the decoder is.
	if len(p) > 1 {
		p = p[:1]
	}
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func file(head bool, sections ...string) string {
	parts := []string{}
	if head {
		parts = append(parts, `"format":"leadup-export","version":1`)
	}
	for _, s := range sections {
		switch s {
		case "bosses":
			parts = append(parts, `"bosses":[`+fmt.Sprintf(bossJSON, 1)+`]`)
		case "priorities":
			parts = append(parts, `"priorities":[`+fmt.Sprintf(prioJSON, 1)+`]`)
		case "entries":
			entries := []string{}
			for i := range 3 {
				entries = append(entries, fmt.Sprintf(entryJSON, i, i))
			}
			parts = append(parts, `"entries":[`+strings.Join(entries, ",")+`]`)
		}
	}
	if !head {
		parts = append(parts, `"format":"leadup-export","version":1`)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func TestStreamHandsRecordsOnAsRead(t *testing.T) {
	f := file(true, "bosses", "priorities", "entries")
	o := &order{read: &countingReader{r: strings.NewReader(f)}}
	if err := Stream(o.read, "2026-11-27", o); err != nil {
		t.Fatal(err)
	}
	if len(o.got) != 5 {
		t.Fatalf("sink got %v", o.got)
	}
	// Each record goes on before the rest of the file is read.
	var at int
	fmt.Sscanf(o.got[2], "e0@%d", &at)
	if at == 0 || at >= len(f)-100 {
		t.Errorf("the first entry went on at byte %d of %d: %v", at, len(f), o.got)
	}
}

func TestStreamReordersSections(t *testing.T) {
	f := file(false, "entries", "priorities", "bosses") // as a tool that sorts keys might leave it
	o := &order{read: &countingReader{r: strings.NewReader(f)}}
	if err := Stream(o.read, "2026-11-27", o); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range o.got {
		names = append(names, g[:strings.IndexByte(g, '@')])
	}
	if got := strings.Join(names, " "); got != "b0 p0 e0 e1 e2" {
		t.Errorf("sink got %s, want bosses, priorities, entries", got)
	}
}

func TestStreamRefusesWrongHeadEarly(t *testing.T) {
	f := `{"format":"other","bosses":[` + fmt.Sprintf(bossJSON, 1) + `]}`
	o := &order{read: &countingReader{r: strings.NewReader(f)}}
	err := Stream(o.read, "2026-11-27", o)
	if !strings.Contains(journal.ErrorMessage(err), "not a leadup export") || len(o.got) != 0 {
		t.Errorf("err %v, sink got %v", err, o.got)
	}
}

// TestStreamHoldsRemindersUntilTheirBosses: schedules refer to bosses and
// go to the sink after them, wherever a tool moved them in the file; the
// settings go last.
func TestStreamHoldsRemindersUntilTheirBosses(t *testing.T) {
	sched := `{"id":"00000000-0000-4000-8000-000000000301","boss_id":"00000000-0000-4000-8000-000000000001","weekdays":[2],"time":"10:00","duration_min":30,"every_weeks":1,"starts_on":"2026-01-06","remind":false}`
	notes := `{"weekly_review":true,"weekly_day":5,"weekly_time":"16:00","followups_digest":false,"digest_time":"08:00"}`
	f := `{"notifications":` + notes + `,"schedules":[` + sched + `],"format":"leadup-export","version":1,"bosses":[` + fmt.Sprintf(bossJSON, 1) + `],"priorities":[],"entries":[]}`
	o := &order{read: &countingReader{r: strings.NewReader(f)}}
	if err := Stream(o.read, "2026-11-27", o); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range o.got {
		name, _, _ := strings.Cut(g, "@")
		got = append(got, name)
	}
	if strings.Join(got, " ") != "b0 s0 n" {
		t.Errorf("sink got %v, want b0 s0 n", got)
	}
}
