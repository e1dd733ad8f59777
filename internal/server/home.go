package server

import (
	"net/http"

	"github.com/leadup/leadup/web"
)

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	s.render(w, r, http.StatusOK, web.HomePage(s.page(r, "Home", "home"), web.HomeView{DisplayName: u.DisplayName}))
}
