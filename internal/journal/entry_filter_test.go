package journal

import "testing"

func TestEntryFilterValidate(t *testing.T) {
	tests := []struct {
		name     string
		in       EntryFilter
		problems []string
		page     int
	}{
		{"empty is fine and starts at page 1", EntryFilter{}, nil, 1},
		{"all valid", EntryFilter{Practice: "team", BossID: 3, From: "2026-01-01", To: "2026-12-31", Page: 4}, nil, 4},
		{"unknown practice", EntryFilter{Practice: "juggling", Page: 1}, []string{"practice"}, 1},
		{"bad dates", EntryFilter{From: "yesterday", To: "2026-13-01", Page: -3}, []string{"from", "to"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.in
			checkFields(t, f.Validate(), tt.problems)
			if f.Page != tt.page {
				t.Errorf("page %d, want %d", f.Page, tt.page)
			}
		})
	}
}
