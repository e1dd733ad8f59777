package web

import "context"

// SignIn is how the sign-in page offers to sign in.
type SignIn struct {
	OIDCName    string // the provider's button label; "" when OIDC is off
	PasswordOff bool   // hide the password form
}

type signInKey struct{}

// WithSignIn records the sign-in choices for the pages rendered with ctx.
func WithSignIn(ctx context.Context, s SignIn) context.Context {
	return context.WithValue(ctx, signInKey{}, s)
}

func signIn(ctx context.Context) SignIn {
	s, _ := ctx.Value(signInKey{}).(SignIn)
	return s
}
