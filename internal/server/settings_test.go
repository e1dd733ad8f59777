package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/server/pages"
)

func TestSettingsProfile(t *testing.T) {
	app, c := newAnnApp(t)
	r := c.get("/settings")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `value="Test User"`, `value="Europe/Berlin"`, "ann@example.com")

	r = c.post("/settings", url.Values{"action": {"profile"}, "display_name": {"Annie <b>"}, "timezone": {"Nowhere/City"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `value="Annie &lt;b&gt;"`, `value="Nowhere/City"`, "Choose a time zone")
	if u, _ := app.db.FindUserByEmail(t.Context(), "ann@example.com"); u.TimeZone != "Europe/Berlin" {
		t.Errorf("time zone %q after an invalid update, want Europe/Berlin", u.TimeZone)
	}

	r = c.post("/settings", url.Values{"action": {"profile"}, "display_name": {"Annie"}, "timezone": {"Asia/Tokyo"}})
	wantStatus(t, r, http.StatusSeeOther)
	r = c.get("/settings")
	wantBody(t, r, "Profile saved.", `value="Annie"`, `value="Asia/Tokyo"`)
	if strings.Contains(c.get("/settings").body, "Profile saved.") {
		t.Error("the notice showed twice")
	}
}

func TestSettingsPasswordEndsOtherSessions(t *testing.T) {
	app := newTestApp(t)
	phone, laptop := app.client(), app.client()
	phone.signup("ann@example.com")
	wantStatus(t, laptop.login("ann@example.com", "correct horse battery"), http.StatusSeeOther)

	r := phone.post("/settings", url.Values{"action": {"password"}, "current_password": {"not my password"}, "new_password": {"short"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "That is not your current password.", "Use at least 10 characters.")
	wantStatus(t, laptop.get("/settings"), http.StatusOK)

	r = phone.post("/settings", url.Values{"action": {"password"}, "current_password": {"correct horse battery"}, "new_password": {"a brand new passphrase"}})
	wantStatus(t, r, http.StatusSeeOther)
	wantBody(t, phone.get("/settings"), pages.PasswordChangedNotice)
	wantStatus(t, laptop.get("/settings"), http.StatusSeeOther)
	wantStatus(t, app.client().login("ann@example.com", "correct horse battery"), http.StatusUnauthorized)
	wantStatus(t, app.client().login("ann@example.com", "a brand new passphrase"), http.StatusSeeOther)
}

func TestSettingsDeleteAccount(t *testing.T) {
	app, c := newAnnApp(t)
	other := app.signedUp("bob@example.com")

	r := c.post("/settings", url.Values{"action": {"delete"}, "password": {"wrong password!"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Nothing was deleted.")
	if n := app.count("users"); n != 2 {
		t.Fatalf("users = %d, want 2", n)
	}

	r = c.post("/settings", url.Values{"action": {"delete"}, "password": {"correct horse battery"}})
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/login?deleted=1" {
		t.Errorf("Location %q", loc)
	}
	wantBody(t, c.get("/login?deleted=1"), "have been deleted")
	if _, err := app.db.FindUserByEmail(t.Context(), "ann@example.com"); err == nil {
		t.Error("the account still exists")
	}
	var n int
	app.db.Reader().QueryRow("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'bob@example.com'").Scan(&n)
	if app.count("users") != 1 || app.count("sessions") != 1 || n != 1 {
		t.Errorf("users %d, sessions %d (bob's %d); want only bob's account and session left", app.count("users"), app.count("sessions"), n)
	}
	wantStatus(t, other.get("/settings"), http.StatusOK)
}

func TestSettingsUnknownAction(t *testing.T) {
	_, c := newAnnApp(t)
	wantStatus(t, c.post("/settings", url.Values{"action": {"explode"}}), http.StatusBadRequest)
}
