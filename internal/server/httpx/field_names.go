package httpx

import "github.com/leadup/leadup/internal/journal"

// Validation names the domain's fields (journal: "practices", "boss",
// "options"); each front end names them on its wire. These two tables are
// the only places the names differ, and every refused input passes through
// one of them: pageFields for the HTML forms (InvalidForm, RefusedForm),
// here because the sign-in forms of package auth and the pages' forms
// share it, and the API's table in package api (its fail).
var (
	// pageFields are the forms' names: a checkbox or an option box is
	// repeated under a singular name, an id field says so. The blocks'
	// own renames come from their description (journal.BlockField.Form).
	pageFields = withBlockForms(map[string]string{
		"practices": "practice",
		"boss":      "boss_id",
		"priority":  "priority_id",
		"weekdays":  "weekday",
	})
)

// withBlockForms adds to names the form field of every block column that
// has one of its own.
func withBlockForms(names map[string]string) map[string]string {
	for _, k := range journal.Blocks {
		for _, f := range k.Columns() {
			if f.Form != "" {
				names[f.Column] = f.Form
			}
		}
	}
	return names
}

// wireErrors are the field messages of err under the names of a front end
// (pageFields or apiFields); nil when err has none.
func wireErrors(names map[string]string, err error) map[string]string {
	return WireNames(names, journal.FieldErrors(err))
}

// WireNames renames the domain's fields in msgs to a front end's names.
func WireNames(names map[string]string, msgs map[string]string) map[string]string {
	if msgs == nil {
		return nil
	}
	out := make(map[string]string, len(msgs))
	for field, msg := range msgs {
		if wire, ok := names[field]; ok {
			field = wire
		}
		out[field] = msg
	}
	return out
}
