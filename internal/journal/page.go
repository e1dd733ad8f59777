package journal

import "strconv"

// MaxPage is the highest list page anyone can ask for: 50 entries a page
// reaches 50 million entries, and the offset it makes cannot overflow.
const MaxPage = 1_000_000

// ParsePage reads a ?page= value: "" is the first page; anything but a
// whole number from 1 to MaxPage is refused rather than wrapped or clamped,
// so a page is never shown under a label it is not.
func ParsePage(s string) (int, bool) {
	if s == "" {
		return 1, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxPage {
		return 0, false
	}
	return n, true
}
