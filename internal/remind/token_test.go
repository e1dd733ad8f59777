package remind

import (
	"testing"

	"github.com/leadup/leadup/internal/signer"
)

// TestUnsubscribeTokenEpoch: the epoch is signed with the rest; a token of
// the old three-part form, from a mail sent before tokens had an epoch,
// names epoch 0.
func TestUnsubscribeTokenEpoch(t *testing.T) {
	s := signer.New(make([]byte, 32))
	tok := UnsubscribeToken(s, "pub", "weekly_review", 7)
	if id, kind, epoch, ok := ParseUnsubscribeToken(s, tok); !ok || id != "pub" || kind != "weekly_review" || epoch != 7 {
		t.Errorf("parse %q: %q %q %d %v", tok, id, kind, epoch, ok)
	}
	tag := s.Sign(unsubscribePurpose, "pub", "weekly_review", "7")
	for _, bad := range []string{
		"pub.weekly_review.8." + tag,  // the epoch changed
		"pub.weekly_review.07." + tag, // the same number, written otherwise
		"pub.weekly_review.-1." + s.Sign(unsubscribePurpose, "pub", "weekly_review", "-1"),
		"pub.weekly_review." + tag, // the epoch dropped
	} {
		if _, _, _, ok := ParseUnsubscribeToken(s, bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
	legacy := "pub.weekly_review." + s.Sign(unsubscribePurpose, "pub", "weekly_review")
	if _, _, epoch, ok := ParseUnsubscribeToken(s, legacy); !ok || epoch != 0 {
		t.Errorf("legacy token: epoch %d, ok %v; want 0, true", epoch, ok)
	}
}
