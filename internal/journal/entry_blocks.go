package journal

// validateBlocks checks the problem and bet blocks of an entry. A nil
// block was not sent and leaves a stored one alone; an empty one was
// cleared and removes it.
func (in *EntryInput) validateBlocks(p Problems) {
	if in.Problem != nil && !in.Problem.Empty() {
		for k, msg := range FieldErrors(in.Problem.Validate()) {
			p.Add(k, msg)
		}
	}
	if in.Bet != nil && !in.Bet.Empty() {
		for k, msg := range FieldErrors(in.Bet.Validate(in.OccurredOn)) {
			p.Add(k, msg)
		}
	}
}

// AddBlockPractices tags an entry that raises a problem with the solutions
// practice and one that places a bet with the risk practice. The form calls
// it; an import does not, so a practice the user unticked stays off.
func (in *EntryInput) AddBlockPractices() {
	if in.Problem != nil && !in.Problem.Empty() {
		in.Practices = append(in.Practices, "solutions")
	}
	if in.Bet != nil && !in.Bet.Empty() {
		in.Practices = append(in.Practices, "risk")
	}
}
