package journal

import "time"

// Session is a signed-in browser. Its token lives only in the cookie; the
// database keeps a hash of it.
type Session struct {
	TokenHash  []byte
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time // the absolute end, however active the session is
}

// Ended reports whether the session is over at now: past its absolute
// end, or unused for idle.
func (s *Session) Ended(now time.Time, idle time.Duration) bool {
	return !now.Before(s.ExpiresAt) || now.Sub(s.LastSeenAt) >= idle
}
