package backup

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestParseKeep(t *testing.T) {
	tests := []struct {
		in      string
		want    Keep
		wantErr bool
	}{
		{"7d,4w", Keep{Daily: 7, Weekly: 4}, false},
		{"14d, 8w, 12m", Keep{Daily: 14, Weekly: 8, Monthly: 12}, false},
		{"3d", Keep{Daily: 3}, false},
		{"0d", Keep{}, false},
		{"7", Keep{}, true},
		{"7x", Keep{}, true},
		{"-1d", Keep{}, true},
		{"7d,7d", Keep{}, true},
		{"", Keep{}, true},
		{"d", Keep{}, true},
	}
	for _, tt := range tests {
		got, err := ParseKeep(tt.in)
		if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
			t.Errorf("ParseKeep(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	if got, err := ParseKeep(DefaultKeep.String()); err != nil || got != DefaultKeep {
		t.Errorf("the default %q reads back as %+v, %v", DefaultKeep.String(), got, err)
	}
}

// hourly makes a backup every hour for days days, ending at end.
func hourly(end time.Time, days int) []File {
	var files []File
	for t := end.Add(-time.Duration(days) * 24 * time.Hour).Add(time.Hour); !t.After(end); t = t.Add(time.Hour) {
		files = append(files, File{Name: FileName(t, true), Time: t})
	}
	return files
}

func keptNames(files []File, k Keep) []string {
	removed := map[string]bool{}
	for _, f := range Prune(files, k) {
		removed[f.Name] = true
	}
	var kept []string
	for _, f := range files {
		if !removed[f.Name] {
			kept = append(kept, f.Name)
		}
	}
	slices.Sort(kept)
	return kept
}

// TestPruneKeepsTheStatedSet: with the default, seven daily and four
// weekly, sixty days of hourly backups come down to the newest of each of
// the last seven days and of each of the last four ISO weeks.
func TestPruneKeepsTheStatedSet(t *testing.T) {
	// Wednesday 2026-12-02 23:00 UTC is the newest.
	end := time.Date(2026, 12, 2, 23, 0, 0, 0, time.UTC)
	files := hourly(end, 60)
	got := keptNames(files, DefaultKeep)
	want := []string{
		// The newest of each of the last seven days (26 Nov – 2 Dec)...
		"leadup-20261126T230000Z.db.age", "leadup-20261127T230000Z.db.age", "leadup-20261128T230000Z.db.age",
		"leadup-20261129T230000Z.db.age", "leadup-20261130T230000Z.db.age", "leadup-20261201T230000Z.db.age",
		"leadup-20261202T230000Z.db.age",
		// ...and of each of the last four ISO weeks: W49 (its newest is
		// 2 Dec, kept already), W48 (Sunday 29 Nov, kept already), W47
		// and W46 (Sundays 22 and 15 Nov).
		"leadup-20261115T230000Z.db.age", "leadup-20261122T230000Z.db.age",
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("kept %q\nwant %q", got, want)
	}
}

func TestPrune(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		times []time.Time
		keep  Keep
		want  []time.Time
	}{
		{"nothing", nil, DefaultKeep, nil},
		{"the newest stays whatever the rule", []time.Time{day(1, 1), day(2, 1)}, Keep{}, []time.Time{day(2, 1)}},
		{"newest of each day", []time.Time{day(1, 1), day(1, 5), day(2, 3), day(2, 4)}, Keep{Daily: 2}, []time.Time{day(1, 5), day(2, 4)}},
		{"days without a backup are not counted", []time.Time{day(1, 1), day(10, 1), day(20, 1)}, Keep{Daily: 2}, []time.Time{day(10, 1), day(20, 1)}},
		{"monthly", []time.Time{time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC), day(3, 0)}, Keep{Monthly: 2},
			[]time.Time{time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC), day(3, 0)}},
		{"out of order input", []time.Time{day(3, 0), day(1, 0), day(2, 0)}, Keep{Daily: 1}, []time.Time{day(3, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var files []File
			for _, tm := range tt.times {
				files = append(files, File{Name: FileName(tm, false), Time: tm})
			}
			var want []string
			for _, tm := range tt.want {
				want = append(want, FileName(tm, false))
			}
			slices.Sort(want)
			if got := keptNames(files, tt.keep); !slices.Equal(got, want) {
				t.Errorf("kept %q, want %q", got, want)
			}
		})
	}
}

func TestListReadsOnlyCompleteBackups(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	for _, name := range []string{FileName(at, true), FileName(at.Add(time.Hour), false), "." + FileName(at, true) + ".tmp-abc", "leadup-notatime.db", "notes.txt"} {
		writeFile(t, dir+"/"+name, "x")
	}
	files, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(files)
	want := fmt.Sprint([]File{{FileName(at, true), at}, {FileName(at.Add(time.Hour), false), at.Add(time.Hour)}})
	if got != want {
		t.Errorf("List = %s, want %s", got, want)
	}
}
