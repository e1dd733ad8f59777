package journal

// MaxCountedEntries is where counting stops: a list or a search says
// "1,000+" rather than read a long journal to the end for an exact number.
const MaxCountedEntries = 1000

// CountOf returns the count to show for n counted rows, whose counting
// stopped after MaxCountedEntries+1.
func CountOf(n int) (count int, capped bool) {
	if n > MaxCountedEntries {
		return MaxCountedEntries, true
	}
	return n, false
}
