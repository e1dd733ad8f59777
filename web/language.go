package web

import (
	"context"
	"io"
	"net/url"
	"strings"
	"sync"

	"github.com/a-h/templ"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
)

type languageKey struct{}

// language is the reader's language and the languages there are to
// switch to.
type language struct {
	loc     *i18n.Localizer
	offered []i18n.Language
}

// WithLanguage records the language the pages rendered with ctx are shown
// in, and the languages the language switch offers.
func WithLanguage(ctx context.Context, loc *i18n.Localizer, offered []i18n.Language) context.Context {
	return context.WithValue(ctx, languageKey{}, language{loc, offered})
}

// english is the source language, for a page rendered without
// WithLanguage (a component's own test, say): the embedded catalog, loaded
// on first use.
var english = sync.OnceValue(func() *i18n.Localizer {
	return i18n.MustLoad(i18n.Source.String()).Localizer(i18n.Source.String())
})

// HasLanguage reports whether WithLanguage chose the language of the
// pages rendered with ctx.
func HasLanguage(ctx context.Context) bool {
	l, ok := ctx.Value(languageKey{}).(language)
	return ok && l.loc != nil
}

func loc(ctx context.Context) *i18n.Localizer {
	if l, ok := ctx.Value(languageKey{}).(language); ok && l.loc != nil {
		return l.loc
	}
	return english()
}

// t returns the catalog's message id in the reader's language.
func t(ctx context.Context, id string, data ...any) string { return loc(ctx).T(id, data...) }

// said returns a message the Go code wrote in English (a validation
// message, a notice) in the reader's language, when the catalog has it.
func said(ctx context.Context, english string) string { return loc(ctx).Said(english) }

// lang is the reader's language, for <html lang>.
func lang(ctx context.Context) string { return loc(ctx).Tag() }

func offered(ctx context.Context) []i18n.Language {
	l, _ := ctx.Value(languageKey{}).(language)
	return l.offered
}

// languageOptions are the offered languages as a select's options, each
// named in itself and marked as written in it, so a screen reader says
// "Deutsch" in German.
func languageOptions(ctx context.Context) []journal.Option {
	var opts []journal.Option
	for _, l := range offered(ctx) {
		opts = append(opts, journal.Option{Value: l.Tag, Label: l.Name, Lang: l.Tag})
	}
	return opts
}

// switchURL is the page at path in the language tag, keeping next (the
// page to go on to after signing in) when there is one. It writes the
// query as url.Values.Encode would (keys sorted, each part escaped)
// without its map and sort: the switch has a link per language on every
// page, and they were 4% of the sign-in page's CPU.
func switchURL(ctx context.Context, path, next, tag string) templ.SafeURL {
	if next != "" && next != "/" {
		return u(ctx, path+"?lang="+url.QueryEscape(tag)+"&next="+url.QueryEscape(next))
	}
	return u(ctx, path+"?lang="+url.QueryEscape(tag))
}

// practice is the practice with key in the reader's language: its words
// from the catalog, its key as it is.
func practice(ctx context.Context, key string) journal.Practice {
	l := loc(ctx)
	return journal.Practice{Key: key, Label: l.T(practiceID(key, "label")), Meaning: l.T(practiceID(key, "meaning")),
		Prompt: l.T(practiceID(key, "prompt")), Try: l.T(practiceID(key, "try"))}
}

// practiceID is the catalog's id of one of a practice's texts (label,
// meaning, prompt, try).
func practiceID(key, text string) string { return "practice." + key + "." + text }

// practices are the six practices, in their order, in the reader's
// language.
func practices(ctx context.Context) []journal.Practice {
	out := make([]journal.Practice, len(journal.Practices))
	for i, p := range journal.Practices {
		out[i] = practice(ctx, p.Key)
	}
	return out
}

// practiceLabel names the practice with key in the reader's language; an
// unknown key is shown as it is.
func practiceLabel(ctx context.Context, key string) string {
	if _, ok := journal.FindPractice(key); !ok {
		return key
	}
	return loc(ctx).T(practiceID(key, "label")) // not practice(): a list page shows hundreds of chips
}

// titled is p with the catalog's message id, filled from data, as its
// title, in the reader's language.
func titled(ctx context.Context, p Page, id string, data ...any) Page {
	p.Title = t(ctx, id, data...)
	return p
}

// textEscaper escapes what a text node needs, leaving quotes as they are.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// text writes the catalog's message id as a text node: for prose whose
// apostrophes a reader's page shows as written ("feed's", not
// "feed&#39;s"), which { t(…) } would escape.
func text(id string, data ...any) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		_, err := io.WriteString(w, textEscaper.Replace(t(ctx, id, data...)))
		return err
	})
}

// n returns the catalog's message id in the plural form the reader's
// language gives count; the message reads count as {{.Count}}.
func n(ctx context.Context, id string, count int, data ...map[string]any) string {
	return loc(ctx).N(id, count, data...)
}

// options are opts with their labels in the reader's language: the
// catalog's message prefix + value.
func options(ctx context.Context, prefix string, opts []journal.Option) []journal.Option {
	out := make([]journal.Option, len(opts))
	for i, o := range opts {
		out[i] = journal.Option{Value: o.Value, Label: t(ctx, prefix+o.Value)}
	}
	return out
}

// optionLabel names value, one of opts, in the reader's language; a value
// not among them is shown as it is.
func optionLabel(ctx context.Context, prefix string, opts []journal.Option, value string) string {
	for _, o := range opts {
		if o.Value == value {
			return t(ctx, prefix+value)
		}
	}
	return value

}
