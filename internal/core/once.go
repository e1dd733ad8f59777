package core

import "github.com/leadup/leadup/internal/sqlite"

// OnceKey makes a create happen at most once: a create form's token or an
// API Idempotency-Key, with the fingerprint of the API request that sent it.
type OnceKey = sqlite.OnceKey

// KeepIdempotencyKeys is how long a used key is remembered.
const KeepIdempotencyKeys = sqlite.KeepIdempotencyKeys
