package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
)

// profilePost is the settings page's profile form as typed: it reads the
// request, gives the domain a copy to validate (which trims it), and
// fills the form again as typed.
type profilePost struct {
	Profile journal.ProfileUpdate
}

func parseProfilePost(r *http.Request) profilePost {
	return profilePost{journal.ProfileUpdate{DisplayName: r.PostFormValue("display_name"), TimeZone: r.PostFormValue("timezone"),
		Language: r.PostFormValue("language")}}
}

// profilePostOf is the form of the user's saved profile.
func profilePostOf(u *journal.User) profilePost {
	return profilePost{journal.ProfileUpdate{DisplayName: u.DisplayName, TimeZone: u.TimeZone, Language: u.Language}}
}

// input is a copy for the domain, which validating may trim.
func (p profilePost) input() journal.ProfileUpdate { return p.Profile }

// values fill the form as typed, by form field name.
func (p profilePost) values() map[string]string {
	return map[string]string{"display_name": p.Profile.DisplayName, "timezone": p.Profile.TimeZone, "language": p.Profile.Language}
}
