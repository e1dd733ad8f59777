package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/leadup/leadup/internal/server"
)

// oidcConfig is the OpenID Connect part of the configuration.
type oidcConfig struct {
	Issuer           string
	ClientID         string
	ClientSecret     string
	ClientSecretFile string
	Name             string
	Scopes           string
	PasswordLogin    string
}

func (o *oidcConfig) flags(fs *flag.FlagSet, env func(key, def string) string) {
	fs.StringVar(&o.Issuer, "oidc-issuer", env("LEADUP_OIDC_ISSUER", ""), "OpenID provider's issuer URL; OIDC sign-in is off when empty")
	fs.StringVar(&o.ClientID, "oidc-client-id", env("LEADUP_OIDC_CLIENT_ID", ""), "client id at the OpenID provider")
	fs.StringVar(&o.ClientSecret, "oidc-client-secret", env("LEADUP_OIDC_CLIENT_SECRET", ""), "client secret (prefer the file)")
	fs.StringVar(&o.ClientSecretFile, "oidc-client-secret-file", env("LEADUP_OIDC_CLIENT_SECRET_FILE", ""), "file holding the client secret")
	fs.StringVar(&o.Name, "oidc-name", env("LEADUP_OIDC_NAME", "single sign-on"), "label of the sign-in button")
	fs.StringVar(&o.Scopes, "oidc-scopes", env("LEADUP_OIDC_SCOPES", "openid email profile"), "scopes to ask for, space-separated")
	fs.StringVar(&o.PasswordLogin, "password-login", env("LEADUP_PASSWORD_LOGIN", "on"), "password sign-in: on, or off when OIDC is set")
}

// validate checks the OIDC settings and reads the secret file, so that a
// mistake stops leadup at start rather than at the first sign-in.
func (o *oidcConfig) validate(baseURL string, proxyAuth bool) error {
	if o.PasswordLogin != "on" && o.PasswordLogin != "off" {
		return fmt.Errorf("LEADUP_PASSWORD_LOGIN is %q; use on or off", o.PasswordLogin)
	}
	if o.Issuer == "" {
		if o.PasswordLogin == "off" && !proxyAuth {
			return errors.New("LEADUP_PASSWORD_LOGIN=off needs LEADUP_OIDC_ISSUER: otherwise nobody could sign in")
		}
		return nil
	}
	if !strings.HasPrefix(o.Issuer, "https://") && !strings.HasPrefix(o.Issuer, "http://") {
		return fmt.Errorf("LEADUP_OIDC_ISSUER is %q; use the provider's issuer URL", o.Issuer)
	}
	if baseURL == "" {
		return errors.New("LEADUP_OIDC_ISSUER needs LEADUP_BASE_URL: the provider sends users back to {base URL}/auth/oidc/callback")
	}
	if o.ClientID == "" {
		return errors.New("LEADUP_OIDC_ISSUER needs LEADUP_OIDC_CLIENT_ID")
	}
	if o.ClientSecretFile != "" {
		b, err := os.ReadFile(o.ClientSecretFile)
		if err != nil {
			return fmt.Errorf("LEADUP_OIDC_CLIENT_SECRET_FILE: %w", err)
		}
		o.ClientSecret = strings.TrimSpace(string(b))
	}
	if o.ClientSecret == "" {
		return errors.New("LEADUP_OIDC_ISSUER needs LEADUP_OIDC_CLIENT_SECRET_FILE or LEADUP_OIDC_CLIENT_SECRET")
	}
	if !strings.Contains(" "+o.Scopes+" ", " openid ") {
		return fmt.Errorf("LEADUP_OIDC_SCOPES is %q; it must include openid", o.Scopes)
	}
	return nil
}

// server returns the HTTP layer's OIDC settings, nil when OIDC is off.
func (o oidcConfig) server(publicOrigin, basePath string) *server.OIDCConfig {
	if o.Issuer == "" {
		return nil
	}
	return &server.OIDCConfig{
		Issuer:       o.Issuer,
		ClientID:     o.ClientID,
		ClientSecret: o.ClientSecret,
		Name:         o.Name,
		Scopes:       strings.Fields(o.Scopes),
		RedirectURL:  publicOrigin + basePath + "/auth/oidc/callback",
	}
}
