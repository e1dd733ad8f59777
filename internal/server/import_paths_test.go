package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestImportErrorsNameTheJSONPath refuses files with one problem each and
// checks that the message names where it is as a path into the file, the
// way one would find it in an editor, and says what is wrong in words
// rather than in Go's types.
func TestImportErrorsNameTheJSONPath(t *testing.T) {
	app, ann := exportApp(t)
	good := ann.get("/export.json").body
	bob := app.signedUp("bob@example.com")

	mutate := func(edit func(map[string]any)) []byte {
		var f map[string]any
		if err := json.Unmarshal([]byte(good), &f); err != nil {
			t.Fatal(err)
		}
		edit(f)
		b, _ := json.Marshal(f)
		return b
	}
	entry := func(f map[string]any, i int) map[string]any { return f["entries"].([]any)[i].(map[string]any) }
	followUp := func(f map[string]any, i, j int) map[string]any {
		return entry(f, i)["followups"].([]any)[j].(map[string]any)
	}
	tests := []struct {
		name string
		body []byte
		want string
	}{
		{"another version", mutate(func(f map[string]any) { f["version"] = 2 }), "version: this is a version 2 leadup export"},
		{"version as text", mutate(func(f map[string]any) { f["version"] = "1" }), "version: should be a whole number, not text."},
		{"another format", mutate(func(f map[string]any) { f["format"] = "something-else" }), "format: is not"},
		{"empty priority", mutate(func(f map[string]any) { f["priorities"].([]any)[0].(map[string]any)["text"] = "" }), "priorities[0].text: "},
		{"practice key", mutate(func(f map[string]any) { entry(f, 0)["practices"] = []any{"golf"} }), "entries[0].practices: "},
		{"empty summary", mutate(func(f map[string]any) { entry(f, 1)["summary"] = "" }), "entries[1].summary: Write a one-line summary."},
		{"summary a number", mutate(func(f map[string]any) { entry(f, 1)["summary"] = 5 }), "entries[1].summary: should be text, not a number."},
		{"follow-up text a number", mutate(func(f map[string]any) { followUp(f, 0, 1)["text"] = 7 }), "entries[0].followups[1].text: should be text, not a number."},
		{"follow-up half done", mutate(func(f map[string]any) { followUp(f, 0, 0)["done_on"] = nil }), "entries[0].followups[0].done_at: "},
		{"bosses an object", mutate(func(f map[string]any) { f["bosses"] = map[string]any{} }), "bosses: should be a list"},
		{"bad id", mutate(func(f map[string]any) { entry(f, 0)["id"] = "42" }), "entries[0].id: not a UUID."},
		{"dangling boss", mutate(func(f map[string]any) { entry(f, 1)["boss_id"] = "00000000-0000-4000-8000-000000000000" }),
			"entries[1].boss_id: no boss has the id"},
		{"syntax error in an entry", []byte(strings.Replace(good, `"kind":"one_on_one"`, `"kind":one_on_one`, 1)), "something is out of place at byte"},
		{"syntax error in an entry, where", []byte(strings.Replace(good, `"kind":"one_on_one"`, `"kind":one_on_one`, 1)), ", in entries[0]."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantImportRefused(t, app, bob, tt.body, tt.want)
		})
	}
}
