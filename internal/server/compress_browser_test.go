package server

import (
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// coldPageBudget is what a first visit to the home page may transfer.
const coldPageBudget = 30 * 1024

// TestBrowserColdHomeUnder30KB: a signed-in phone that has never loaded
// leadup opens / and transfers at most coldPageBudget bytes, summed over
// the page's requests as Chromium counts them (encodedDataLength: bytes on
// the wire, headers included).
func TestBrowserColdHomeUnder30KB(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	c, _ := captureUser(t, app, "cold@example.com", 3)
	ctx := newBrowser(t, 390, phoneHeight)

	var mu sync.Mutex
	sent := map[network.RequestID]string{}
	done := map[network.RequestID]float64{}
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			sent[e.RequestID] = e.Request.URL
		case *network.EventLoadingFinished:
			done[e.RequestID] = e.EncodedDataLength
		case *network.EventLoadingFailed:
			done[e.RequestID] = 0
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	ck := c.sessionCookie()
	if _, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: ck.Name, Value: ck.Value, URL: app.ts.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx,
		chromedp.Navigate(app.ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#summary")),
	)
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.readyState === "complete"`)); err != nil {
		t.Fatal(err)
	}
	// Every request the page made has finished before the sum is taken.
	var total float64
	for {
		mu.Lock()
		pending := len(sent) - len(done)
		if pending <= 0 {
			for id, n := range done {
				t.Logf("%8.0f B  %s", n, sent[id])
				total += n
			}
		}
		mu.Unlock()
		if pending <= 0 {
			break
		}
		steps(t, ctx, chromedp.Sleep(50*time.Millisecond))
	}
	t.Logf("cold / transferred %.0f bytes over %d requests", total, len(done))
	if total > coldPageBudget {
		t.Errorf("cold / transferred %.0f bytes, want at most %d", total, coldPageBudget)
	}
}
