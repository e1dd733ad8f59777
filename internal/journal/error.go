// Package journal holds leadup's domain: users, the leading-up practices,
// and the rules every record must follow. It imports nothing of leadup's.
package journal

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Error codes, each mapped to one HTTP status by the server.
const (
	EINVALID      = "invalid"      // input failed validation: 422
	ENOTFOUND     = "not_found"    // no such record for this user: 404
	ECONFLICT     = "conflict"     // a unique rule would be broken: 409 or 422 on forms
	EUNAUTHORIZED = "unauthorized" // wrong credentials: 401
	EFORBIDDEN    = "forbidden"    // the action is not allowed: 403
	EINTERNAL     = "internal"     // anything else: 500, never shown in detail
)

// Error is an application error whose Message is safe to show to the user.
// Fields maps form field names to a message shown beside that field.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string
}

func (e *Error) Error() string {
	return fmt.Sprintf("leadup error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an application error in err's chain,
// EINTERNAL for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the safe message of an application error, and a
// generic one for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong on our side."
}

// FieldErrors returns the per-field messages of an application error, or nil.
func FieldErrors(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Problems collects per-field validation messages.
type Problems map[string]string

// Add records msg for field unless the field already has one.
func (p Problems) Add(field, msg string) {
	if _, ok := p[field]; !ok {
		p[field] = msg
	}
}

// Check records msg for field when there is one: the Check functions
// return "" for a valid value.
func (p Problems) Check(field, msg string) {
	if msg != "" {
		p.Add(field, msg)
	}
}

// checkText records missing for field when s is empty and tooLong when it
// has more than max characters.
func (p Problems) checkText(field, s string, max int, missing, tooLong string) {
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		p.Add(field, missing)
	case n > max:
		p.Add(field, tooLong)
	}
}

// Err returns nil when there are no problems, and an EINVALID Error otherwise.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: "Please correct the highlighted fields.", Fields: p}
}
