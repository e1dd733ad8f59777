package web

import "context"

// appWord is a message static/app.js shows, under the key it reads it by
// (the catalog's id without "app."; a plural message's key ends in its
// CLDR form: "waiting.one").
type appWord struct{ key, text string }

// appMessages are the catalog's messages app.js shows.
var appMessages = []string{
	"outbox_note", "send_now", "no_summary", "discard", "discard_named", "discard_this",
	"discard_confirm", "sent", "see_last", "send_sign_out", "sending", "session_ended",
	"refused_one", "unreachable", "discard_sign_out", "stay", "draft_back", "not_sent",
	"copied", "copied_spoken", "select_copy", "select_copy_spoken", "copy_failed",
	"copy_failed_spoken",
}

// appPlurals are app.js's counted messages, each shown in the plural forms
// the four languages have, a form only when it is not the same words as
// other; app.js picks one with Intl.PluralRules and falls back to other.
var appPlurals = []string{"waiting", "signout_question"}

// pluralSamples are a count of each CLDR form: other first, then one,
// and many (French and Spanish, for a million).
var pluralSamples = []struct{ form, count string }{{"other", "2"}, {"one", "1"}, {"many", "1000000"}}

// appFields are what app.js fills in, as it finds them in the text:
// {summary}, {n}, {label}.
var appFields = map[string]any{"Summary": "{summary}", "Label": "{label}"}

// appWords are the messages app.js shows, in the reader's language, with
// the fields app.js fills left as {name}: the script has no catalog of its
// own.
func appWords(ctx context.Context) []appWord {
	l := loc(ctx)
	words := make([]appWord, 0, len(appMessages)+len(appPlurals)*len(pluralSamples))
	for _, k := range appMessages {
		words = append(words, appWord{k, l.T("app."+k, appFields)})
	}
	for _, k := range appPlurals {
		other := ""
		for _, s := range pluralSamples {
			text := l.NDigits("app."+k, s.count, "{n}")
			if s.form == "other" {
				other = text
			} else if text == other {
				continue // app.js falls back to other
			}
			words = append(words, appWord{k + "." + s.form, text})
		}
	}
	return words
}
