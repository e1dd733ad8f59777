package httpx

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

type CtxKey int

const (
	userKey CtxKey = iota
	sessionKey
	requestInfoKey
)

// requestInfo lets inner handlers tell the request logger who was signed
// in, and a response body that failed to be written.
type requestInfo struct {
	userID   int64
	writeErr error
}

func withRequestInfo(ctx context.Context, info *requestInfo) context.Context {
	return context.WithValue(ctx, requestInfoKey, info)
}

func WithUser(ctx context.Context, u *journal.User, s *journal.Session) context.Context {
	if info, ok := ctx.Value(requestInfoKey).(*requestInfo); ok {
		info.userID = u.ID
	}
	ctx = context.WithValue(ctx, userKey, u)
	return context.WithValue(ctx, sessionKey, s)
}

// UserFrom returns the signed-in user, or nil.
func UserFrom(ctx context.Context) *journal.User {
	u, _ := ctx.Value(userKey).(*journal.User)
	return u
}

// SessionFrom returns the current session, or nil.
func SessionFrom(ctx context.Context) *journal.Session {
	s, _ := ctx.Value(sessionKey).(*journal.Session)
	return s
}
