package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// badExport has n entries, each failing several field rules at once.
func badExport(n int) string {
	var entries []string
	for i := range n {
		entries = append(entries, fmt.Sprintf(`{"id":"00000000-0000-4000-8000-%012d","boss_id":"00000000-0000-4000-8000-999999999999",
			"occurred_on":"not a date","kind":"telegram","summary":"","notes":"","practices":["juggling"],
			"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","followups":[]}`, i))
	}
	return `{"format":"leadup-export","version":1,"bosses":[],"priorities":[],"entries":[` + strings.Join(entries, ",") + `]}`
}

// The problems of an import come out in the same order every time, sorted
// by field within a record, so the first 20 shown are always the same 20.
func TestReadProblemsAreStable(t *testing.T) {
	in := badExport(10)
	_, err := collect(strings.NewReader(in), "2026-11-27")
	if err == nil {
		t.Fatal("a bad export was accepted")
	}
	first := journal.ErrorMessage(err)
	lines := strings.Split(first, "\n")
	if len(lines) != maxProblems+1 || lines[maxProblems] != "… and more." {
		t.Fatalf("got %d lines ending %q, want %d problems and '… and more.'", len(lines), lines[len(lines)-1], maxProblems)
	}
	var fields []string
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "entries[0]."); ok {
			fields = append(fields, strings.Split(rest, ": ")[0])
		}
	}
	want := []string{"kind", "occurred_on", "practices", "summary"}
	if strings.Join(fields, ",") != strings.Join(want, ",") {
		t.Errorf("entries[0] problems in order %v, want %v", fields, want)
	}
	for range 20 {
		_, err := collect(strings.NewReader(in), "2026-11-27")
		if got := journal.ErrorMessage(err); got != first {
			t.Fatalf("a second read listed other problems:\n%s\nfirst:\n%s", got, first)
		}
	}
}
