package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/leadup/leadup/internal/server/apidoc"
	"github.com/leadup/leadup/internal/server/httpx"
)

// apiSpec loads the served OpenAPI document and makes a router that finds
// the operation of a request to the test server.
func apiSpec(t testing.TB, serverURL string) routers.Router {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(apidoc.OpenAPI)
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: serverURL + "/api/v1"}}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return router
}

// apiClient calls the JSON API with a bearer token, and checks every
// answer against the OpenAPI document: its status must be documented for
// the operation and its body must match the schema.
type apiClient struct {
	app    *testApp
	token  string
	router routers.Router
}

func (a *testApp) apiClient(token string) *apiClient {
	return &apiClient{app: a, token: token, router: apiSpec(a.t, a.ts.URL)}
}

type apiResponse struct {
	status int
	header http.Header
	body   []byte
}

func (r *apiResponse) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// errorCode returns the code of an error body, and fails on any other.
func (r *apiResponse) errorCode(t testing.TB) string {
	t.Helper()
	var e struct {
		Error httpx.APIError `json:"error"`
	}
	r.decode(t, &e)
	if e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("not an error body: %s", r.body)
	}
	return e.Error.Code
}

func (c *apiClient) do(method, path string, body any, headers ...string) *apiResponse {
	t := c.app.t
	t.Helper()
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	default:
		var err error
		if raw, err = json.Marshal(b); err != nil {
			t.Fatal(err)
		}
	}
	req, _ := http.NewRequest(method, c.app.ts.URL+"/api/v1"+path, bytes.NewReader(raw))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := &apiResponse{status: resp.StatusCode, header: resp.Header, body: out}
	c.check(req, r)
	return r
}

// check validates a response against the operation the request matches.
func (c *apiClient) check(req *http.Request, r *apiResponse) {
	t := c.app.t
	t.Helper()
	if ct := r.header.Get("Content-Type"); r.status != http.StatusNoContent && !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q, want application/json", req.Method, req.URL.Path, ct)
	}
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		return // not a documented operation: only the JSON error shape applies
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 r.status,
		Header:                 r.header,
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(r.body)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Errorf("%s %s answered %d, which the OpenAPI document does not allow: %v\n%s", req.Method, req.URL.Path, r.status, err, r.body)
	}
}

var newTokenRe = regexp.MustCompile(`id="new-token"[^>]*value="(lu_[A-Za-z0-9_-]+)"`)

// createToken makes a token through the settings page, as a user does
// (confirming with the password every test account has), and returns it
// as the page showed it.
func (c *client) createToken(name, scope, expiresOn string) string {
	c.app.t.Helper()
	r := c.post("/settings/tokens", url.Values{"name": {name}, "scope": {scope}, "expires_on": {expiresOn}, "password": {annPassword}})
	if r.status != http.StatusOK {
		c.app.t.Fatalf("create token: status %d\n%.2000s", r.status, r.body)
	}
	m := newTokenRe.FindStringSubmatch(r.body)
	if m == nil {
		c.app.t.Fatalf("the page does not show the new token\n%.3000s", r.body)
	}
	return m[1]
}
