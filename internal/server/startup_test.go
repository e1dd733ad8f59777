package server

import (
	"net/http"
	"testing"
)

// TestDefaultConfigParsesNoCatalog: DefaultConfig is cheap, so that leadup
// serve, which sets the catalog it parsed for LEADUP_DEFAULT_LANGUAGE,
// parses the four languages' files once before listening, not twice (each
// parse is about 26 ms and 80,000 allocations); a Server made without a
// catalog shows the English one.
func TestDefaultConfigParsesNoCatalog(t *testing.T) {
	if n := testing.AllocsPerRun(3, func() { _ = DefaultConfig() }); n > 0 {
		t.Errorf("DefaultConfig made %.0f allocations, want none", n)
	}
	app := newTestApp(t)
	r := app.client().get("/signup")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<html lang="en"`, "Create your account")
}
