package journal

// EntryFilter selects entries for the list.
type EntryFilter struct {
	Query string // what the user typed in the search box
	// Language is the searcher's language, a BCP 47 tag: the rules by
	// which Query's words match (see SearchQuery). "" is English.
	Language string
	Practice string
	BossID   int64
	From, To string // inclusive local dates, "" for open-ended
	Page     int    // 1-based
	Limit    int    // entries per page; 0 means EntriesPerPage
}

// Validate reports malformed filter values.
func (f *EntryFilter) Validate() error {
	p := Problems{}
	p.Check("q", CheckSearch(f.Query))
	if f.Practice != "" {
		if _, ok := FindPractice(f.Practice); !ok {
			p.Add("practice", "Unknown practice.")
		}
	}
	if _, ok := ParseDate(f.From); f.From != "" && !ok {
		p.Add("from", "Enter the date as YYYY-MM-DD.")
	}
	if _, ok := ParseDate(f.To); f.To != "" && !ok {
		p.Add("to", "Enter the date as YYYY-MM-DD.")
	}
	if f.Page < 1 {
		f.Page = 1
	}
	return p.Err()
}
