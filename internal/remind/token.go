package remind

import (
	"slices"
	"strconv"
	"strings"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/signer"
)

// unsubscribePurpose keeps unsubscribe tags apart from every other HMAC
// made with the server secret.
const unsubscribePurpose = "unsubscribe"

// UnsubscribeToken returns the token of a link that turns one kind of
// reminder off for one user without signing in. It carries the user's
// reminder epoch when the mail was made, signed with the rest, so that a
// link from before the user turned reminders on again no longer works.
func UnsubscribeToken(s signer.Signer, userPublicID, kind string, epoch int64) string {
	e := itoa(epoch)
	return userPublicID + "." + kind + "." + e + "." + s.Sign(unsubscribePurpose, userPublicID, kind, e)
}

// ParseUnsubscribeToken checks a token and returns the user's public id,
// the reminder kind and the epoch it names. A token from a mail sent before
// tokens carried an epoch (three parts) names epoch 0, the epoch every user
// had then: it works until the user next turns a reminder on.
func ParseUnsubscribeToken(s signer.Signer, token string) (userPublicID, kind string, epoch int64, ok bool) {
	parts := strings.Split(token, ".")
	if len(parts) < 3 || len(parts) > 4 || !slices.Contains(journal.ReminderKinds, parts[1]) {
		return "", "", 0, false
	}
	signed, tag := parts[:len(parts)-1], parts[len(parts)-1]
	if len(signed) == 3 {
		n, err := strconv.ParseInt(signed[2], 10, 64)
		if err != nil || n < 0 || itoa(n) != signed[2] {
			return "", "", 0, false
		}
		epoch = n
	}
	if !s.Verify(tag, unsubscribePurpose, signed...) {
		return "", "", 0, false
	}
	return parts[0], parts[1], epoch, true
}

// messageIDPurpose derives Message-IDs, so that every attempt at one
// reminder carries the same one and a receiver can drop a duplicate.
const messageIDPurpose = "message-id"

// MessageID returns the Message-ID of one reminder, without brackets.
func MessageID(s signer.Signer, domain string, userID int64, kind, period string) string {
	return s.Sign(messageIDPurpose, itoa(userID), kind, period) + "@" + domain
}
