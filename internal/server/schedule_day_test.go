package server

import (
	"net/http"
	"net/url"
	"testing"
)

// TestScheduleDayErrorBesideTheDays holds that the domain's "weekdays"
// problem is shown beside the form's day boxes, named "weekday"
// (pageFields).
func TestScheduleDayErrorBesideTheDays(t *testing.T) {
	_, c := newAnnApp(t)
	id := c.createdID("/bosses", url.Values{"name": {"Ana"}, "relation": {"manager"}}, "/bosses/")
	form := url.Values{"weekday": {"9"}, "time": {"10:00"}, "duration_min": {"30"}, "every_weeks": {"1"}, "starts_on": {"2026-11-23"}}
	r := c.post("/bosses/"+id+"/schedule", form)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `aria-describedby="weekday-error"`, `id="weekday-error">Choose weekdays from Monday to Sunday.`, `value="10:00"`)
}
