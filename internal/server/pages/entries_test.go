package pages

import (
	"net/url"
	"testing"
)

// TestPageURL: the pager's links keep the search and the filters.
func TestPageURL(t *testing.T) {
	if got := pageURL("/entries", url.Values{"q": {"a b"}, "practice": {"team"}, "page": {"1"}}, 2); got != "/entries?page=2&practice=team&q=a+b" {
		t.Errorf("pageURL %q", got)
	}
}
