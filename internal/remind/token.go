package remind

import (
	"slices"
	"strings"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/signer"
)

// unsubscribePurpose keeps unsubscribe tags apart from every other HMAC
// made with the server secret.
const unsubscribePurpose = "unsubscribe"

// UnsubscribeToken returns the token of a link that turns one kind of
// reminder off for one user without signing in.
func UnsubscribeToken(s signer.Signer, userPublicID, kind string) string {
	return userPublicID + "." + kind + "." + s.Sign(unsubscribePurpose, userPublicID, kind)
}

// ParseUnsubscribeToken checks a token and returns the user's public id
// and the reminder kind it names.
func ParseUnsubscribeToken(s signer.Signer, token string) (userPublicID, kind string, ok bool) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || !slices.Contains(journal.ReminderKinds, parts[1]) {
		return "", "", false
	}
	if !s.Verify(parts[2], unsubscribePurpose, parts[0], parts[1]) {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// messageIDPurpose derives Message-IDs, so that every attempt at one
// reminder carries the same one and a receiver can drop a duplicate.
const messageIDPurpose = "message-id"

// MessageID returns the Message-ID of one reminder, without brackets.
func MessageID(s signer.Signer, domain string, userID int64, kind, period string) string {
	return s.Sign(messageIDPurpose, itoa(userID), kind, period) + "@" + domain
}
