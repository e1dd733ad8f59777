package server

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/leadup/leadup/internal/server/httpx"
)

// TestOIDCRefusalInTheVisitorsLanguage: the page that refuses to link an
// unverified address, which the handler writes around the address the
// provider gave, reaches a visitor who chose German in German, with the
// address as given.
func TestOIDCRefusalInTheVisitorsLanguage(t *testing.T) {
	app := newOIDCApp(t)
	app.signedUp("owner@example.com")

	eve := app.client()
	base, _ := url.Parse(app.ts.URL)
	eve.hc.Jar.SetCookies(base, []*http.Cookie{{Name: httpx.LanguageCookie, Value: "de"}})
	r := eve.callback(providerLogin(t, eve, "eve"))
	wantStatus(t, r, http.StatusForbidden)
	wantBody(t, r, `<html lang="de"`, "Ein Konto hier nutzt bereits owner@example.com, aber dein Anmeldedienst hat nicht bestätigt")
	wantNoEnglish(t, "the German refusal", r, "has not verified that this address is yours")
}
