package httpx

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/web"
)

// diskFullLogEvery is how often a full disk is logged at most: every
// write fails while it lasts, and one line a minute says enough.
const diskFullLogEvery = time.Minute

// throttledLog lets one event through per interval.
type throttledLog struct {
	mu   sync.Mutex
	last time.Time
}

func (l *throttledLog) allow(now time.Time, every time.Duration) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.last.IsZero() && now.Sub(l.last) < every {
		return false
	}
	l.last = now
	return true
}

// diskFullMessage tells a user or an API client why nothing was written.
const diskFullMessage = "The server's disk is full, so nothing was saved. Whoever runs this server needs to free some space; reading your journal still works."

// logDiskFull logs a full disk at most once per diskFullLogEvery.
func (s *Base) logDiskFull(r *http.Request, err error) {
	if s.diskFullLog.allow(time.Now(), diskFullLogEvery) {
		s.Log.Error("the disk is full: writes fail until space is freed", "err", err,
			"request_id", middleware.GetReqID(r.Context()))
	}
}

// DiskFull answers a write that failed because the disk is full: 507 with
// a plain explanation and, for a form, every value typed (passwords
// excepted), so the user loses nothing.
func (s *Base) DiskFull(w http.ResponseWriter, r *http.Request, err error) {
	s.logDiskFull(r, err)
	var fields []web.TypedField
	for name, values := range r.PostForm {
		if name == "action" || name == "confirm" || strings.Contains(name, "password") {
			continue
		}
		for _, v := range values {
			if strings.TrimSpace(v) != "" {
				fields = append(fields, web.TypedField{Name: name, Value: v})
			}
		}
	}
	slices.SortFunc(fields, func(a, b web.TypedField) int { return strings.Compare(a.Name, b.Name) })
	s.Render(w, r, http.StatusInsufficientStorage, web.DiskFullPage(s.Page(r, "The server's disk is full", ""), diskFullMessage, fields))
}
