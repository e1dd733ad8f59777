package server

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// The accounts and credentials front end (sign-up, sign-in, sessions,
// OIDC, proxy sign-in, tokens, settings, unsubscribe, form tokens and
// idempotency) works through internal/core: none of its files imports the
// store or calls it through Server.db.
func TestAuthFilesUseTheCoreOnly(t *testing.T) {
	files := []string{
		"account_create.go", "account_delete.go", "auth.go", "api_idempotency.go", "flash.go",
		"formtoken.go", "login_limit.go", "oidc.go", "proxyauth.go", "reauth.go", "session.go",
		"settings.go", "signup_verify.go", "tokens.go", "unsubscribe.go",
	}
	// api.go's token sign-in is here too; its disk-full check is the
	// entries' engineer's, so only its calls are checked.
	for _, name := range append(files, "api.go") {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == "github.com/leadup/leadup/internal/sqlite" && name != "api.go" {
				t.Errorf("%s imports %s; call internal/core instead", name, path)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "db" {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "s" {
					t.Errorf("%s: s.db used; call s.core instead", name)
					return false
				}
			}
			return true
		})
	}
}
