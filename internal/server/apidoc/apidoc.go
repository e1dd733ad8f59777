// Package apidoc embeds the OpenAPI 3.1 description of leadup's JSON API,
// which tests check against real responses.
package apidoc

import _ "embed"

// OpenAPI is the document served at /api/v1/openapi.json.
//
//go:embed openapi.json
var OpenAPI []byte
