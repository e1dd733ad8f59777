package pages

import (
	"net/http"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
)

// notificationPost is the reminders form as typed: it reads the request,
// is the domain's input, and fills the form again as typed.
type notificationPost struct {
	Settings journal.NotificationInput
}

func parseNotificationPost(r *http.Request) notificationPost {
	return notificationPost{journal.NotificationInput{
		WeeklyReview: r.PostFormValue("weekly_review") == "on", WeeklyDay: r.PostFormValue("weekly_day"),
		WeeklyTime: r.PostFormValue("weekly_time"), FollowUpsDigest: r.PostFormValue("followups_digest") == "on",
		DigestTime: r.PostFormValue("digest_time"),
	}}
}

// notificationPostOf is the form of saved settings.
func notificationPostOf(n journal.NotificationSettings) notificationPost {
	return notificationPost{journal.NotificationInput{WeeklyReview: n.WeeklyReview, WeeklyDay: strconv.Itoa(n.WeeklyDay),
		WeeklyTime: n.WeeklyTime, FollowUpsDigest: n.FollowUpsDigest, DigestTime: n.DigestTime}}
}

// values fill the form as typed, by form field name.
func (p notificationPost) values() map[string]string {
	in := p.Settings
	v := map[string]string{"weekly_day": in.WeeklyDay, "weekly_time": in.WeeklyTime, "digest_time": in.DigestTime}
	if in.WeeklyReview {
		v["weekly_review"] = "on"
	}
	if in.FollowUpsDigest {
		v["followups_digest"] = "on"
	}
	return v
}
