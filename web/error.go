package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// errorStatuses are the statuses whose name the catalog holds
// (error.status.<code>).
var errorStatuses = []int{400, 401, 403, 404, 405, 409, 413, 421, 422, 429, 500, 502, 503}

// errorTitled is p with its title in the reader's language when it is
// the name of status (http.StatusText), as the server's error pages have
// it; any other title is kept.
func errorTitled(ctx context.Context, p Page, status int) Page {
	if p.Title == http.StatusText(status) && slices.Contains(errorStatuses, status) {
		return titled(ctx, p, "error.status."+strconv.Itoa(status))
	}
	return p
}

// slot stands for a value a message holds that the page marks up (a
// request id in <code>): see around.
const slot = "\x00"

// around splits a message at the value it was filled with, so the page
// can mark the value up in each language's word order.
func around(msg, value string) (before, after string) {
	before, after, _ = strings.Cut(msg, value)
	return before, after
}
