package web

import (
	"context"

	"github.com/a-h/templ"
)

type baseKey struct{}

// WithBase records the path leadup is served under ("" at the root, or
// like "/leadup"), so that every link and form on the page carries it.
func WithBase(ctx context.Context, base string) context.Context {
	return context.WithValue(ctx, baseKey{}, base)
}

// Base returns the path recorded by WithBase.
func Base(ctx context.Context) string {
	b, _ := ctx.Value(baseKey{}).(string)
	return b
}

// u turns a path of the app ("/entries/3") into a link under the base path,
// through templ.URL's check like any other link.
func u(ctx context.Context, path string) templ.SafeURL {
	return templ.URL(Base(ctx) + path)
}
