// Command floor is the bare server BenchmarkFootprint measures leadup
// against: net/http and modernc SQLite (one writer, WAL, synchronous=FULL)
// with nothing else, answering /healthz and creating entries as leadup's
// create form does (POST, 303, the new entry's page).
package main

import (
	"database/sql"
	"flag"
	"html/template"
	"log"
	"net/http"
	"strconv"

	_ "modernc.org/sqlite"
)

var page = template.Must(template.New("entry").Parse(`<!doctype html><title>Entry</title><p>{{.}}</p>`))

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	path := flag.String("db", "floor.db", "SQLite file")
	flag.Parse()
	db, err := sql.Open("sqlite", "file:"+*path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate")
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, occurred_on TEXT NOT NULL,
		summary TEXT NOT NULL, notes TEXT NOT NULL)`); err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := db.PingContext(r.Context()); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("POST /entries", func(w http.ResponseWriter, r *http.Request) {
		res, err := db.ExecContext(r.Context(), "INSERT INTO entries (occurred_on, summary, notes) VALUES (?, ?, ?)",
			r.PostFormValue("occurred_on"), r.PostFormValue("summary"), r.PostFormValue("notes"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		id, _ := res.LastInsertId()
		http.Redirect(w, r, "/entries/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	})
	mux.HandleFunc("GET /entries/{id}", func(w http.ResponseWriter, r *http.Request) {
		var summary string
		if err := db.QueryRowContext(r.Context(), "SELECT summary FROM entries WHERE id = ?", r.PathValue("id")).Scan(&summary); err != nil {
			http.NotFound(w, r)
			return
		}
		page.Execute(w, summary)
	})
	log.Fatal(http.ListenAndServe(*addr, mux))
}
