package journal

import "fmt"

// nudge is the guidance line for n things waiting: none for 0, one for 1,
// and many, with %d for n, for more.
func nudge(n int, one, many string) string {
	switch n {
	case 0:
		return ""
	case 1:
		return one
	default:
		return fmt.Sprintf(many, n)
	}
}

// plural picks the word for n things.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
