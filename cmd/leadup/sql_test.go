package main

import (
	"database/sql"

	"github.com/leadup/leadup/internal/sqlite"
)

func sqlOpen(path string) (*sql.DB, error) { return sql.Open("sqlite", sqlite.DSN(path)) }
