package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
)

// bossPost is the boss form as typed, the same to add a boss (with a
// token) and to edit one: it reads the request, gives the domain a copy to
// validate, and fills the form again as typed.
type bossPost struct {
	Boss  journal.BossInput
	Token string
}

func parseBossPost(r *http.Request) bossPost {
	return bossPost{
		Boss:  journal.BossInput{Name: r.PostFormValue("name"), Relation: r.PostFormValue("relation"), Role: r.PostFormValue("role")},
		Token: r.PostFormValue("token"),
	}
}

// bossPostOf is the edit form of a stored boss.
func bossPostOf(b *journal.Boss) bossPost {
	return bossPost{Boss: journal.BossInput{Name: b.Name, Relation: b.Relation, Role: b.Role}}
}

// input is a copy for the domain, which validating may trim.
func (p bossPost) input() journal.BossInput { return p.Boss }

// values fill the form as typed, by form field name.
func (p bossPost) values() map[string]string {
	return map[string]string{"name": p.Boss.Name, "relation": p.Boss.Relation, "role": p.Boss.Role, "token": p.Token}
}

// priorityPost is the boss page's form that adds a priority, as typed.
type priorityPost struct {
	Priority journal.PriorityInput
	Token    string
}

func parsePriorityPost(r *http.Request) priorityPost {
	return priorityPost{Priority: journal.PriorityInput{Text: r.PostFormValue("text")}, Token: r.PostFormValue("token")}
}

// input is a copy for the domain, which validating may trim.
func (p priorityPost) input() journal.PriorityInput { return p.Priority }

// values fill the form as typed, by form field name.
func (p priorityPost) values() map[string]string {
	return map[string]string{"text": p.Priority.Text, "token": p.Token}
}
