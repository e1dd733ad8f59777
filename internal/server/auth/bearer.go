package auth

import (
	"context"
	"net/http"
	"strconv"

	"github.com/go-chi/httprate"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

// tokenKey holds the API token a request authenticated with.
const tokenKey httpx.CtxKey = 100

// TokenPrefix starts every personal API token, so that a leaked one is
// easy to recognise in logs and by secret scanners.
const TokenPrefix = "lu_"

func tokenFrom(ctx context.Context) *journal.APIToken {
	t, _ := ctx.Value(tokenKey).(*journal.APIToken)
	return t
}

// APIAuth authenticates /api/v1 requests by their bearer token alone:
// session cookies are never read there, so a page a user visits cannot
// call the API as them. Each user is rate limited over all their tokens,
// so that minting more tokens buys no more requests.
func (s *Handler) APIAuth() func(http.Handler) http.Handler {
	limiter := httprate.NewRateLimiter(s.cfg.APIRequests, s.cfg.APIWindow,
		httprate.WithLimitHandler(func(w http.ResponseWriter, r *http.Request) {
			httpx.WriteAPIError(w, http.StatusTooManyRequests, "rate_limited", "Too many requests from this account. Wait a little, then try again.", nil)
		}))
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw, ok := httpx.BearerToken(r)
			if !ok {
				httpx.WriteAPIError(w, http.StatusUnauthorized, "unauthorized",
					"Send a personal API token as “Authorization: Bearer <token>”. Create one under Settings → API tokens.", nil)
				return
			}
			ctx := r.Context()
			tok, user, err := s.core.APITokenOwner(ctx, HashToken(raw))
			if journal.ErrorCode(err) == journal.ENOTFOUND {
				httpx.WriteAPIError(w, http.StatusUnauthorized, "invalid_token", "That token is not known here.", nil)
				return
			}
			if err != nil {
				s.APIFail(w, r, err, nil)
				return
			}
			now := s.Now()
			if !tok.Usable(journal.Today(now, user.Location())) {
				httpx.WriteAPIError(w, http.StatusUnauthorized, "invalid_token", "That token was revoked or has expired.", nil)
				return
			}
			if limiter.RespondOnLimit(w, r, "user:"+strconv.FormatInt(user.ID, 10)) {
				return
			}
			if err := s.core.APITokenUsed(ctx, tok, now); err != nil {
				s.APIFail(w, r, err, nil)
				return
			}
			ctx = context.WithValue(httpx.WithUser(ctx, user, nil), tokenKey, tok)
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// RequireWriteScope refuses changes from a read-only token.
func RequireWriteScope(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if t := tokenFrom(r.Context()); t == nil || !t.CanWrite() {
			httpx.WriteAPIError(w, http.StatusForbidden, "insufficient_scope", "This token may only read. Create a token with the write scope to make changes.", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}
