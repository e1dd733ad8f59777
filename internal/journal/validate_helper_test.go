package journal

import "testing"

// checkOnlyField checks that err is about field and nothing else, or is
// nil when field is "".
func checkOnlyField(t *testing.T, err error, field string) {
	t.Helper()
	fields := FieldErrors(err)
	if field == "" && len(fields) > 0 || field != "" && fields[field] == "" || len(fields) > 1 {
		t.Errorf("got %v, want an error on %q only", fields, field)
	}
}

// checkFields checks that err has a message on each of fields and on no
// other.
func checkFields(t *testing.T, err error, fields []string) {
	t.Helper()
	got := FieldErrors(err)
	if len(got) != len(fields) {
		t.Errorf("problems %v, want on %v", got, fields)
	}
	for _, f := range fields {
		if got[f] == "" {
			t.Errorf("no message for %s; got %v", f, got)
		}
	}
}
