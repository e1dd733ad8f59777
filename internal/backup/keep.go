package backup

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Keep is how many backups rotation keeps: the newest of each of the last
// Daily days, Weekly ISO weeks and Monthly months that have a backup (in
// UTC), as restic's --keep-daily and friends count. The newest backup is
// always kept.
type Keep struct {
	Daily, Weekly, Monthly int
}

// DefaultKeep is LEADUP_BACKUP_KEEP's default: a week of daily backups and
// a month of weekly ones.
var DefaultKeep = Keep{Daily: 7, Weekly: 4}

// ParseKeep reads LEADUP_BACKUP_KEEP: comma-separated counts, each a number
// followed by d (daily), w (weekly) or m (monthly), such as "7d,4w" or
// "14d,8w,12m". A unit left out keeps none of its kind.
func ParseKeep(s string) (Keep, error) {
	var k Keep
	bad := fmt.Errorf("LEADUP_BACKUP_KEEP is %q; use counts such as 7d,4w (daily d, weekly w, monthly m)", s)
	seen := map[byte]bool{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if len(part) < 2 {
			return k, bad
		}
		unit := part[len(part)-1]
		n, err := strconv.Atoi(part[:len(part)-1])
		if err != nil || n < 0 || seen[unit] {
			return k, bad
		}
		seen[unit] = true
		switch unit {
		case 'd':
			k.Daily = n
		case 'w':
			k.Weekly = n
		case 'm':
			k.Monthly = n
		default:
			return k, bad
		}
	}
	return k, nil
}

// String writes k in ParseKeep's syntax.
func (k Keep) String() string {
	var parts []string
	for _, p := range []struct {
		n    int
		unit string
	}{{k.Daily, "d"}, {k.Weekly, "w"}, {k.Monthly, "m"}} {
		if p.n > 0 {
			parts = append(parts, strconv.Itoa(p.n)+p.unit)
		}
	}
	if len(parts) == 0 {
		return "the newest only"
	}
	return strings.Join(parts, ",")
}

// File is a complete backup in the backup directory and when it was taken.
type File struct {
	Name string
	Time time.Time
}

// Prune returns the files rotation removes: every file not kept by k.
// Only complete backups are ever passed in, so a failed or partial one
// never takes a place in the rotation.
func Prune(files []File, k Keep) []File {
	newest := slices.Clone(files)
	slices.SortFunc(newest, func(a, b File) int { return b.Time.Compare(a.Time) })
	keep := map[string]bool{}
	if len(newest) > 0 {
		keep[newest[0].Name] = true
	}
	for _, rule := range []struct {
		n      int
		bucket func(time.Time) string
	}{
		{k.Daily, func(t time.Time) string { return t.UTC().Format("2006-01-02") }},
		{k.Weekly, func(t time.Time) string { y, w := t.UTC().ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) }},
		{k.Monthly, func(t time.Time) string { return t.UTC().Format("2006-01") }},
	} {
		seen := map[string]bool{}
		for _, f := range newest {
			if len(seen) == rule.n {
				break
			}
			if b := rule.bucket(f.Time); !seen[b] {
				seen[b] = true
				keep[f.Name] = true
			}
		}
	}
	var remove []File
	for _, f := range newest {
		if !keep[f.Name] {
			remove = append(remove, f)
		}
	}
	return remove
}
