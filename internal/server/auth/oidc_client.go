package auth

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// oidcClient talks to the provider. Discovery happens on first use and is
// retried until it works, so a provider that is down when leadup starts
// does not keep leadup down.
type oidcClient struct {
	cfg  OIDCConfig
	http *http.Client

	mu       sync.Mutex
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
	provider *oidc.Provider
}

// oidcTimeout bounds each call to the provider.
const oidcTimeout = 15 * time.Second

func newOIDCClient(cfg *OIDCConfig) *oidcClient {
	if cfg == nil {
		return nil
	}
	return &oidcClient{cfg: *cfg, http: &http.Client{Timeout: oidcTimeout}}
}

// context carries the client's HTTP client to go-oidc and x/oauth2.
func (c *oidcClient) context(ctx context.Context) context.Context {
	return oidc.ClientContext(ctx, c.http)
}

// setup discovers the provider once.
func (c *oidcClient) setup(ctx context.Context) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.oauth != nil {
		return c.oauth, c.verifier, nil
	}
	// The key set keeps this context for later fetches, so it must not be
	// the request's, which ends with the request.
	p, err := oidc.NewProvider(c.context(context.Background()), c.cfg.Issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("discover oidc provider: %w", err)
	}
	c.provider = p
	c.oauth = &oauth2.Config{
		ClientID:     c.cfg.ClientID,
		ClientSecret: c.cfg.ClientSecret,
		Endpoint:     p.Endpoint(),
		RedirectURL:  c.cfg.RedirectURL,
		Scopes:       c.cfg.Scopes,
	}
	c.verifier = p.Verifier(&oidc.Config{ClientID: c.cfg.ClientID})
	return c.oauth, c.verifier, nil
}
