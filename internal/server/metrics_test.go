package server

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/VictoriaMetrics/metrics"
)

// TestMetricsMethodLabelIsBounded: the method label comes from a fixed
// list, so a client that makes up methods cannot add series without end.
func TestMetricsMethodLabelIsBounded(t *testing.T) {
	set := metrics.NewSet()
	app := newTestApp(t, func(c *Config) { c.Metrics = NewMetrics(set) })
	for _, m := range []string{"GET", "HEAD", "BREW1", "BREW2", "PROPFIND"} {
		req, _ := http.NewRequest(m, app.ts.URL+"/healthz", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	var out bytes.Buffer
	set.WritePrometheus(&out)
	for _, made := range []string{"BREW1", "BREW2", "PROPFIND"} {
		if strings.Contains(out.String(), made) {
			t.Errorf("metrics hold a series for method %s:\n%s", made, out.String())
		}
	}
	for _, want := range []string{`method="GET",route="/healthz",status="200"`, `method="HEAD"`, `method="other"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("metrics lack %s:\n%s", want, out.String())
		}
	}
}
