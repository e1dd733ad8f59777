package journal

// Sign-up modes: who may make an account, by configuration
// (LEADUP_SIGNUP), and the operator's own mode.
const (
	SignupFirst  = "first"  // only while no account exists
	SignupOpen   = "open"   // anyone who can reach the server
	SignupClosed = "closed" // accounts come from `leadup user add`

	// SignupOperator is `leadup user add`: the operator at the server adds
	// accounts whatever the configured mode says.
	SignupOperator = "operator"
)

// ErrEmailTaken refuses an account for an email that has one already.
var ErrEmailTaken = &Error{Code: ECONFLICT, Message: "An account with that email already exists.",
	Fields: map[string]string{"email": "An account with that email already exists."}}

// SignupAdmits reports whether mode lets a new account be made while
// accounts accounts exist.
func SignupAdmits(mode string, accounts int) bool {
	switch mode {
	case SignupOpen, SignupOperator:
		return true
	case SignupFirst:
		return accounts == 0
	default:
		return false
	}
}

// SignupRefused is the error of an account mode does not admit.
func SignupRefused(mode string) error {
	if mode == SignupFirst {
		return Errorf(EFORBIDDEN, "Sign-up is closed: this leadup already has its account.")
	}
	return Errorf(EFORBIDDEN, "Sign-up is closed.")
}
