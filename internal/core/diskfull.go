package core

import "github.com/leadup/leadup/internal/sqlite"

// IsDiskFull reports whether err is the store refusing a write because the
// disk is full, which the front ends answer apart from other failures.
func IsDiskFull(err error) bool { return sqlite.IsDiskFull(err) }
