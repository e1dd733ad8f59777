package journal

import "time"

// FollowUpState is what marking a follow-up done or open again sets.
type FollowUpState struct {
	Done bool
	At   time.Time // when it was marked done; ignored when reopening
	On   string    // the user's local date of At: on-time judgements use it
}

// DoneAt is the state of a follow-up marked done at `at`, a moment that
// falls on the local date `on`.
func DoneAt(at time.Time, on string) FollowUpState { return FollowUpState{Done: true, At: at, On: on} }

// Reopened is the state of a follow-up marked open again.
func Reopened() FollowUpState { return FollowUpState{} }
