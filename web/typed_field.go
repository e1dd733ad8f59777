package web

import "context"

// typedLabels are the catalog's labels of the entry form's fields, by
// name, for the disk-full page (the ids the entry form labels them
// with); a field not here is named as it is posted.
var typedLabels = map[string]string{
	"boss_id":     "entry.with",
	"kind":        "entry.kind",
	"notes":       "entry.notes",
	"occurred_on": "entry.when",
	"practice":    "entry.practices_showed",
	"summary":     "entry.summary",
}

// label names the field in the reader's language.
func (f TypedField) label(ctx context.Context) string {
	if id, ok := typedLabels[f.Name]; ok {
		return t(ctx, id)
	}
	return f.Name
}

// text is what was typed, a kind or practice key named in the reader's
// language; anything else as it was typed.
func (f TypedField) text(ctx context.Context) string {
	switch f.Name {
	case "kind":
		return kindLabel(ctx, f.Value)
	case "practice":
		return practiceLabel(ctx, f.Value)
	}
	return f.Value
}
