// Package web holds leadup's templ components and the view models they
// render. Components take plain values; they never reach the database.
package web

// Page is what the layout needs on every page.
type Page struct {
	Title  string
	User   *Viewer // nil for an anonymous visitor
	Active string  // the nav item to mark as current
	Flash  string  // a one-time notice, shown once
}

// Viewer is the signed-in user, as the layout shows them.
type Viewer struct {
	DisplayName string
	Device      string // the key app.js keeps this user's outbox under
}

// Form carries what the user typed and a message per bad field, so that an
// invalid post re-renders with nothing lost.
type Form struct {
	Values  map[string]string
	Errors  map[string]string
	Message string // a message for the whole form
	// Carried are fields of a form posted after the session ended, kept
	// as hidden inputs in the sign-in form so signing in can save them.
	Carried []Carried
}

// Carried is one carried form field.
type Carried struct {
	Name, Value string
}

// Get returns the typed value of a field.
func (f Form) Get(name string) string { return f.Values[name] }

// Err returns the message for a field, or "".
func (f Form) Err(name string) string { return f.Errors[name] }

// typed reports whether any of the named fields holds a value or a message.
func (f Form) typed(names ...string) bool {
	for _, n := range names {
		if f.Get(n) != "" || f.Err(n) != "" {
			return true
		}
	}
	return false
}

// Field describes one labelled input.
type Field struct {
	Name         string
	Label        string
	Type         string // text, email, password, …
	Autocomplete string
	Hint         string
	Required     bool
	List         string // the id of a datalist
	Detect       bool   // let the script fill the browser's time zone
}

func (f Field) describedBy(form Form) string {
	ids := ""
	if f.Hint != "" {
		ids = f.Name + "-hint"
	}
	if form.Err(f.Name) != "" {
		if ids != "" {
			ids += " "
		}
		ids += f.Name + "-error"
	}
	return ids
}

// value returns what goes back into the field: never a password.
func (f Field) value(form Form) string {
	if f.Type == "password" {
		return ""
	}
	return form.Get(f.Name)
}

// OwnerCheck is how a user confirms who they are before an API token or a
// calendar feed is made: their password, or a fresh sign-in at their
// OpenID provider (named by Provider). Neither, for a user a trusted proxy
// signed in: the proxy's own sign-in is the check.
type OwnerCheck struct {
	Password bool
	Provider string
}
