package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestUnsubscribeOldMail: the unsubscribe link of a mail sent before the
// user turned the reminder on again changes nothing, on GET or on the
// one-click POST, and says why; the link of a newer mail works.
func TestUnsubscribeOldMail(t *testing.T) {
	app := newTestApp(t)
	now := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC) // a Friday
	app.useClock(func() time.Time { return now })
	c := app.signedUp("ann@example.com") // Europe/Berlin
	box := &outbox{}
	run := app.withMail(box)
	weekly := url.Values{"weekly_review": {"on"}, "weekly_day": {"5"}, "weekly_time": {"17:00"}, "digest_time": {"08:00"}}
	turnOn := func() { wantStatus(t, c.post("/settings/notifications", weekly), http.StatusSeeOther) }
	// mail runs the pass at 17:00 Berlin on the Friday `days` after the
	// first, and returns the path of the new mail's unsubscribe link.
	mail := func(days int) string {
		t.Helper()
		now = time.Date(2026, 11, 20+days, 16, 0, 0, 0, time.UTC)
		if _, err := run.Pass(context.Background(), now); err != nil {
			t.Fatal(err)
		}
		if len(box.msgs) == 0 {
			t.Fatal("no reminder mail")
		}
		link := box.msgs[len(box.msgs)-1].Unsubscribe
		_, path, ok := strings.Cut(link, "/leadup")
		if !ok {
			t.Fatalf("unsubscribe link %q", link)
		}
		return path
	}
	weeklyOn := func() bool {
		n, err := app.db.FindNotificationSettings(context.Background(), app.user("ann@example.com").ID)
		if err != nil {
			t.Fatal(err)
		}
		return n.WeeklyReview
	}

	turnOn()
	old := mail(0)
	wantStatus(t, app.client().post(old, nil), http.StatusOK)
	if weeklyOn() {
		t.Fatal("the first link did not turn the review off")
	}

	now = time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	turnOn()
	for _, r := range []*response{app.client().get(old), app.client().post(old, url.Values{"List-Unsubscribe": {"One-Click"}})} {
		wantStatus(t, r, http.StatusConflict)
		wantBody(t, r, "older mail", "/settings/notifications")
	}
	if !weeklyOn() {
		t.Fatal("an old mail's link turned the review off again after the user turned it on")
	}

	newer := mail(7)
	if newer == old {
		t.Fatal("the newer mail carries the same link")
	}
	wantStatus(t, app.client().get(newer), http.StatusOK)
	wantStatus(t, app.client().post(newer, nil), http.StatusOK)
	if weeklyOn() {
		t.Error("the newer mail's link did not turn the review off")
	}
}
