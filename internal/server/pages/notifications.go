package pages

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/compress"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// renderNotifications shows the notification settings page; edit adjusts
// it, to carry a bad form or a one-time result.
func (s *Handler) renderNotifications(w http.ResponseWriter, r *http.Request, status int, edit func(*web.NotificationsView)) {
	ctx := r.Context()
	u := httpx.UserFrom(ctx)
	p, err := s.core.NotificationsPage(ctx, u.ID)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	v := web.NotificationsView{MailOn: s.Cfg.Reminders != nil, Email: u.Email, Schedules: p.Schedules, HasFeed: p.HasFeed,
		Form: web.Form{Values: notificationPostOf(p.Settings).values()}}
	for _, c := range p.Failed {
		v.Failed = append(v.Failed, web.FailedReminder{Kind: c.Kind, Period: c.Period, Day: c.FireAt.Format(journal.DateLayout),
			Attempts: c.Attempts, Error: c.LastError, Retrying: !c.RetryAt.IsZero()})
	}
	if v.Check, err = s.auth.OwnerCheck(r); err != nil {
		s.Fail(w, r, err)
		return
	}
	// A feed made by the post before this page: its address, this once.
	v.FeedURL = s.PopFlash(ctx).Secret
	edit(&v)
	if v.FeedURL != "" {
		compress.KeepSecret(r)
	}
	s.Render(w, r, status, web.NotificationsPage(s.Page(r, "Reminders and calendar", "settings"), v))
}

func (s *Handler) HandleNotifications(w http.ResponseWriter, r *http.Request) {
	s.renderNotifications(w, r, http.StatusOK, func(*web.NotificationsView) {})
}

func (s *Handler) HandleNotificationsSave(w http.ResponseWriter, r *http.Request) {
	if !s.ParseForm(w, r) {
		return
	}
	p := parseNotificationPost(r)
	n, err := p.Settings.Validate()
	if err != nil {
		s.renderNotifications(w, r, http.StatusUnprocessableEntity, func(v *web.NotificationsView) {
			v.Form = httpx.RefusedForm(p.values(), err)
		})
		return
	}
	if err := s.core.SaveNotificationSettings(r.Context(), httpx.UserFrom(r.Context()).ID, n); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, "/settings/notifications", "Reminders saved.")
}

// TestMailsPerUser is how many test mails one user may ask for in
// testMailWindow: enough to check a relay setting again after fixing it,
// too few to make the button a way to flood a mailbox or the relay.
const (
	TestMailsPerUser = 3
	testMailWindow   = 10 * time.Minute
)

// HandleNotificationsTest sends a test mail at once and says whether the
// relay took it.
func (s *Handler) HandleNotificationsTest(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	if s.Cfg.Reminders == nil {
		s.renderNotifications(w, r, http.StatusConflict, func(*web.NotificationsView) {})
		return
	}
	if s.testMailByUser.OnLimit(w, r, "test-mail:"+strconv.FormatInt(u.ID, 10)) {
		s.renderNotifications(w, r, http.StatusTooManyRequests, func(v *web.NotificationsView) {
			v.Test = "You asked for " + strconv.Itoa(TestMailsPerUser) + " test mails in the last 10 minutes, the most there may be. Wait a few minutes, then try again."
		})
		return
	}
	err := s.Cfg.Reminders.SendTest(r.Context(), u)
	s.renderNotifications(w, r, http.StatusOK, func(v *web.NotificationsView) {
		if err != nil {
			reqID := middleware.GetReqID(r.Context())
			// The relay's host, port and words are for whoever runs the
			// server: the log keeps them, the page does not show them.
			s.Log.Warn("test mail", "user_id", u.ID, "err", err, "request_id", reqID)
			v.Test = "The test mail was not sent. " + remind.FailureReason(err) +
				" Whoever runs this server finds the details in its log, under request " + reqID + "."
			return
		}
		v.Test, v.TestOK = "A test mail is on its way to "+u.Email+".", true
	})
}
