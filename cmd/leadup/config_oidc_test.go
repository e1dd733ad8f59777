package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOIDCMisconfiguration(t *testing.T) {
	oidc := []string{"LEADUP_OIDC_ISSUER", "https://id.example.com", "LEADUP_OIDC_CLIENT_ID", "leadup", "LEADUP_OIDC_CLIENT_SECRET", "s3cret"}
	tests := []struct {
		name string
		env  []string
		want string
	}{
		{"no base URL", oidc, "needs LEADUP_BASE_URL"},
		{"no client id", []string{"LEADUP_OIDC_ISSUER", "https://id.example.com", "LEADUP_BASE_URL", "https://leadup.example.com/"}, "LEADUP_OIDC_CLIENT_ID"},
		{"no secret", []string{"LEADUP_OIDC_ISSUER", "https://id.example.com", "LEADUP_OIDC_CLIENT_ID", "x", "LEADUP_BASE_URL", "https://leadup.example.com/"}, "LEADUP_OIDC_CLIENT_SECRET"},
		{"missing secret file", append(oidc, "LEADUP_BASE_URL", "https://leadup.example.com/", "LEADUP_OIDC_CLIENT_SECRET_FILE", filepath.Join(t.TempDir(), "none")), "LEADUP_OIDC_CLIENT_SECRET_FILE"},
		{"scopes without openid", append(oidc, "LEADUP_BASE_URL", "https://leadup.example.com/", "LEADUP_OIDC_SCOPES", "email"), "must include openid"},
		{"password login value", []string{"LEADUP_PASSWORD_LOGIN", "maybe"}, "LEADUP_PASSWORD_LOGIN"},
		{"password login off without OIDC", []string{"LEADUP_PASSWORD_LOGIN", "off"}, "nobody could sign in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(t.Context(), []string{"serve"}, env(tt.env...), nil, &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}

func TestOIDCConfigReadsTheSecretFileAndNamesTheCallback(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, _, err := parseConfig("serve", nil, env("LEADUP_OIDC_ISSUER", "https://id.example.com", "LEADUP_OIDC_CLIENT_ID", "leadup",
		"LEADUP_OIDC_CLIENT_SECRET_FILE", secret, "LEADUP_BASE_URL", "https://example.com/leadup/", "LEADUP_PASSWORD_LOGIN", "off"), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	o := c.OIDC.server(c.publicOrigin, c.basePath)
	if o.ClientSecret != "from-file" || o.RedirectURL != "https://example.com/leadup/auth/oidc/callback" || o.Name != "single sign-on" ||
		strings.Join(o.Scopes, " ") != "openid email profile" {
		t.Errorf("got %+v", o)
	}
}
