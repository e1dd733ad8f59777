package httpx

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/VictoriaMetrics/metrics"
)

// requestBuckets are the latency histogram's upper bounds, in seconds:
// Prometheus-style buckets (not VictoriaMetrics' vmrange ones), so that
// dashboards and alerts written for them keep working.
var requestBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

// Metrics counts requests for Prometheus, by route pattern (never by raw
// path, which could hold ids or search words) and status.
type Metrics struct {
	set *metrics.Set
}

// NewMetrics keeps the request metrics in set.
func NewMetrics(set *metrics.Set) *Metrics {
	return &Metrics{set: set}
}

func (m *Metrics) observe(method, route string, status int, d time.Duration) {
	// The route comes from the router's own patterns, never from the
	// request path, and the method from a fixed list: a client chooses
	// neither, so the series stay few and need no escaping.
	method = methodLabel(method)
	m.set.GetOrCreateCounter(fmt.Sprintf(`leadup_http_requests_total{method=%q,route=%q,status="%s"}`,
		method, route, strconv.Itoa(status))).Inc()
	m.set.GetOrCreatePrometheusHistogramExt(fmt.Sprintf(`leadup_http_request_duration_seconds{method=%q,route=%q}`,
		method, route), requestBuckets).Update(d.Seconds())
}

// methodLabel is method when it is one of HTTP's own, else "other".
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
		http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return method
	}
	return "other"
}
