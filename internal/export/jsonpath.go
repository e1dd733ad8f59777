package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// An import's problems name where in the file they are, as a path a
// person can follow in an editor: "version", "priorities[2].text",
// "entries[0].followups[1].due_on".

// joinPath appends a field's key to a record's path: the shared
// validation rules name the domain's fields, which are the file's keys.
func joinPath(path, field string) string {
	switch {
	case field == "" || field == ".":
		return path
	case path == "":
		return field
	}
	return path + "." + field
}

// decode reads the next value into v; a problem with it is told by path.
func (s *stream) decode(path string, v any) error {
	var raw json.RawMessage
	if err := s.dec.Decode(&raw); err != nil {
		return readErr(path, err)
	}
	err := json.Unmarshal(raw, v)
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return invalid(fmt.Sprintf("%s: should be %s, not %s.", joinPath(path, pathAt(raw, typ.Offset)), plainType(typ.Type), plainValue(typ.Value)))
	}
	return readErr(path, err)
}

// readErr turns a decoding error at path into the message a user sees;
// an error of the upload itself is returned as it is.
func readErr(path string, err error) error {
	if err == nil {
		return nil
	}
	where := ""
	if path != "" {
		where = ", in " + path
	}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return invalid(fmt.Sprintf("The file is not valid JSON: something is out of place at byte %d%s.", syntax.Offset, where))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return invalid(fmt.Sprintf("The file is not valid JSON: it ends too early%s, as if cut off.", where))
	case errors.As(err, &typ):
		return invalid(fmt.Sprintf("%s: should be %s, not %s.", joinPath(path, typ.Field), plainType(typ.Type), plainValue(typ.Value)))
	}
	return fmt.Errorf("read import: %w", err)
}

// pathAt returns the path, inside the JSON value raw, of the innermost
// value that starts before byte off ("" for raw itself): where
// encoding/json found a value of the wrong type, it reports the offset
// just after it, and a field name without the list indexes.
func pathAt(raw []byte, off int64) string {
	type level struct {
		object    bool
		key       string
		index     int
		expectKey bool
	}
	var stack []*level
	at := ""
	render := func() string {
		var b strings.Builder
		for _, l := range stack {
			if l.object {
				b.WriteString("." + l.key)
			} else {
				b.WriteString("[" + strconv.Itoa(l.index) + "]")
			}
		}
		return strings.TrimPrefix(b.String(), ".")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	for dec.InputOffset() < off {
		t, err := dec.Token()
		if err != nil {
			break
		}
		var top *level
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := t.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].expectKey = true
			}
			continue
		}
		if top != nil && top.object && top.expectKey {
			top.key, _ = t.(string)
			top.expectKey = false
			continue
		}
		if top != nil && !top.object {
			top.index++
		}
		at = render()
		switch t {
		case json.Delim('{'):
			stack = append(stack, &level{object: true, expectKey: true})
		case json.Delim('['):
			stack = append(stack, &level{index: -1})
		default:
			if top != nil && top.object {
				top.expectKey = true
			}
		}
	}
	return at
}

// plainType names what a Go type holds in the file's words.
func plainType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "something else"
}

// plainValue names a JSON value's kind as encoding/json reports it.
func plainValue(v string) string {
	switch {
	case strings.HasPrefix(v, "number"):
		return "a number"
	case v == "string":
		return "text"
	case v == "bool":
		return "true or false"
	case v == "array":
		return "a list"
	case v == "object":
		return "an object"
	}
	return v
}
