package core

// Secret returns the server secret, created on first start and kept in
// the database: form tokens, signed mail links, flash notices, device
// cookies and unsubscribe links are HMACs with it.
func (c *Core) Secret() []byte { return c.db.Secret() }
