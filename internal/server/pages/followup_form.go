package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
)

// followUpPost is the follow-up form as typed, the same to add one (on an
// entry's page, with a token) and to edit one: it reads the request, gives
// the domain a copy to validate, and fills the form again as typed.
type followUpPost struct {
	FollowUp journal.FollowUpInput
	Token    string
}

func parseFollowUpPost(r *http.Request) followUpPost {
	return followUpPost{
		FollowUp: journal.FollowUpInput{Text: r.PostFormValue("text"), Owner: r.PostFormValue("owner"), DueOn: r.PostFormValue("due_on")},
		Token:    r.PostFormValue("token"),
	}
}

// followUpPostOf is the edit form of a stored follow-up.
func followUpPostOf(f *journal.FollowUp) followUpPost {
	return followUpPost{FollowUp: journal.FollowUpInput{Text: f.Text, Owner: f.Owner, DueOn: f.DueOn}}
}

// newFollowUpPost is a blank follow-up form: the user owns it.
func newFollowUpPost() followUpPost {
	return followUpPost{FollowUp: journal.FollowUpInput{Owner: "me"}}
}

// input is a copy for the domain, which validating may trim.
func (p followUpPost) input() journal.FollowUpInput { return p.FollowUp }

// values fill the form as typed, by form field name.
func (p followUpPost) values() map[string]string {
	return map[string]string{"text": p.FollowUp.Text, "owner": p.FollowUp.Owner, "due_on": p.FollowUp.DueOn, "token": p.Token}
}
