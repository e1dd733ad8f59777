package server

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

type ctxKey int

const (
	userKey ctxKey = iota
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

func withUser(ctx context.Context, u *journal.User, s *journal.Session) context.Context {
	if info, ok := ctx.Value(requestInfoKey).(*requestInfo); ok {
		info.userID = u.ID
	}
	ctx = context.WithValue(ctx, userKey, u)
	return context.WithValue(ctx, sessionKey, s)
}

// userFrom returns the signed-in user, or nil.
func userFrom(ctx context.Context) *journal.User {
	u, _ := ctx.Value(userKey).(*journal.User)
	return u
}

// sessionFrom returns the current session, or nil.
func sessionFrom(ctx context.Context) *journal.Session {
	s, _ := ctx.Value(sessionKey).(*journal.Session)
	return s
}
