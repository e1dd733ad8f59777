package server

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// phoneAndLaptop are the two screens every page is proven on.
var phoneAndLaptop = []screen{{"390", 390, 844}, {"1280", 1280, 800}}

// eachScheme runs check in the light scheme and then in the dark one.
func eachScheme(t *testing.T, ctx context.Context, check func(scheme string)) {
	t.Helper()
	check("light")
	useDarkScheme(t, ctx)
	check("dark")
}

// problems evaluates a script that returns what is wrong on the page, and
// reports each as an error naming where.
func problems(t *testing.T, ctx context.Context, where, script string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](script))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	for _, p := range got {
		t.Errorf("%s: %s", where, p)
	}
}

// choicesScript lists every checkbox and radio whose label is not a
// 44×44 px target with its text on the same line as the box, to its right.
const choicesScript = `(() => {
  const out = [];
  const boxes = document.querySelectorAll("input[type=checkbox], input[type=radio]");
  if (boxes.length === 0) out.push("no checkbox on the page");
  boxes.forEach(box => {
    const label = box.labels && box.labels[0];
    if (!label) { out.push(box.id + " has no label"); return; }
    const l = label.getBoundingClientRect(), b = box.getBoundingClientRect();
    if (l.height < 44 || l.width < 44) out.push(box.id + ": label is " + Math.round(l.width) + "×" + Math.round(l.height) + " px, want at least 44×44");
    const range = document.createRange();
    range.selectNodeContents(label.querySelector("span") || label);
    const text = range.getClientRects()[0];
    if (!text) { out.push(box.id + ": label has no text"); return; }
    if (text.left < b.right || text.top > b.bottom || text.bottom < b.top) out.push(box.id + ": label text at (" + Math.round(text.left) + "," + Math.round(text.top) + ") is not beside its box at (" + Math.round(b.left) + "," + Math.round(b.top) + ")");
    if (b.width < 18) out.push(box.id + ": box is " + Math.round(b.width) + " px wide, want at least 18");
    const words = label.textContent.trim().split(/\s+/);
    const node = [...label.childNodes].find(n => n.nodeType === 3 && n.data.trim());
    if (node) {
      let at = 0;
      words.forEach(w => {
        const i = node.data.indexOf(w, at);
        if (i < 0) return;
        at = i + w.length;
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, at);
        if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) out.push(box.id + ": '" + w + "' is cut across lines");
      });
    }
  });
  return out;
})()`

// TestBrowserChoicesAreChips: the 1:1 schedule's weekdays, its reminder
// switch and the notification settings' boxes are big targets with the
// label beside the box, like the practice chips, on a phone and a laptop,
// light and dark.
func TestBrowserChoicesAreChips(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	f.app.withMail(&outbox{})
	pages := map[string]string{"schedule": "/bosses/" + f.dana, "notifications": "/settings/notifications", "capture": "/"}
	for _, size := range phoneAndLaptop {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t, size.width, size.height)
			if err := browserLogin(ctx, f.app.ts.URL, "/", "ann@example.com"); err != nil {
				t.Fatal(err)
			}
			eachScheme(t, ctx, func(scheme string) {
				for _, name := range []string{"schedule", "notifications", "capture"} {
					steps(t, ctx, chromedp.Navigate(f.app.ts.URL+pages[name]), chromedp.WaitReady(chromedp.CSS("footer")))
					if name == "schedule" {
						if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#schedule-heading").scrollIntoView(), true`)); err != nil {
							t.Fatal(err)
						}
						saveViewport(t, ctx, "schedule-form-"+size.name+"-"+scheme)
					} else if name == "notifications" {
						saveScreenshot(t, ctx, "notifications-"+size.name+"-"+scheme)
					}
					problems(t, ctx, name+" at "+size.name+" "+scheme, choicesScript)
				}
			})
		})
	}
}

// saveViewport writes what the window shows, as a person sees it.
func saveViewport(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	writeScreenshot(t, name, png)
}

// navDestinations are the pages the main navigation leads to.
var navDestinations = []string{"/", "/weeks", "/entries", "/bosses", "/followups", "/review", "/settings"}

// navScript lists every main navigation item that is not wholly inside the
// first screen, is covered, or (on a phone) is smaller than 44 px high.
const navScript = `((phone) => {
  const out = [];
  const items = document.querySelectorAll("nav[aria-label=Main] a, nav[aria-label=Main] button");
  if (items.length < 8) out.push("nav has " + items.length + " items, want 8");
  items.forEach(el => {
    const r = el.getBoundingClientRect(), name = el.textContent.trim();
    if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight) out.push(name + " is outside the first screen: " + Math.round(r.left) + "," + Math.round(r.top) + " to " + Math.round(r.right) + "," + Math.round(r.bottom));
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(el === hit || el.contains(hit))) out.push(name + " is covered at its centre");
    if (phone && r.height < 44) out.push(name + " is " + Math.round(r.height) + " px high, want at least 44");
    if (el.scrollWidth > el.clientWidth + 1) out.push(name + " is cut");
  });
  const ul = document.querySelector("nav[aria-label=Main] ul");
  if (ul && ul.scrollWidth > ul.clientWidth + 1) out.push("the nav scrolls sideways: " + ul.scrollWidth + " px in " + ul.clientWidth);
  return out;
})`

// TestBrowserNavOneTapWithoutScript: on every page, each destination and
// Sign out are in view and one tap away, on a phone and a laptop, with
// scripts off.
func TestBrowserNavOneTapWithoutScript(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	for _, size := range phoneAndLaptop {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t, size.width, size.height)
			if err := browserLogin(ctx, f.app.ts.URL, "/", "ann@example.com"); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
				t.Fatal(err)
			}
			eachScheme(t, ctx, func(scheme string) {
				for _, p := range navDestinations {
					steps(t, ctx, chromedp.Navigate(f.app.ts.URL+p), chromedp.WaitReady(chromedp.CSS("footer")))
					if p == "/weeks" {
						saveViewport(t, ctx, "nav-"+size.name+"-"+scheme)
					}
					problems(t, ctx, p+" at "+size.name+" "+scheme, fmt.Sprintf("%s(%v)", navScript, size.width < 768))
				}
			})
			// One tap: the review, which the sideways strip hid, opens.
			steps(t, ctx, chromedp.Click(chromedp.CSS("nav[aria-label=Main] a[href='/review']")), chromedp.WaitReady(chromedp.CSS("footer")))
			if loc := location(t, ctx); !strings.HasSuffix(loc, "/review") {
				t.Errorf("after tapping Review at %s", loc)
			}
		})
	}
}

// tablesScript lists every table that neither fits its column nor shows
// that it scrolls (a shadow on the side with more), each one that does not
// fit on a laptop, and every word in a table or heading broken mid-word.
const tablesScript = `((laptop) => {
  const out = [];
  document.querySelectorAll(".table-scroll").forEach(box => {
    const name = (box.querySelector("caption") || box).textContent.trim().slice(0, 40);
    if (box.scrollWidth <= box.clientWidth + 1) return;
    if (laptop) out.push(name + ": " + (box.scrollWidth - box.clientWidth) + " px hidden at laptop width");
    const bg = getComputedStyle(box);
    if (!bg.backgroundImage.includes("gradient") || !bg.backgroundAttachment.includes("local")) out.push(name + ": scrolls with no visible cue");
  });
  document.querySelectorAll("table th, table td, table caption, h1, h2, h3, dt").forEach(el => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const re = /\S+/g;
      for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
        if (tops.size > 1) out.push("'" + m[0] + "' is cut across lines in " + el.tagName.toLowerCase());
      }
    }
  });
  return out;
})`

// TestBrowserTablesFitOrScrollVisibly: the week's 12-week trend, the
// review's month table and the promise ledger fit their column on a
// laptop, fit or scroll with a visible cue on a phone, and cut no word.
func TestBrowserTablesFitOrScrollVisibly(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	for _, size := range phoneAndLaptop {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t, size.width, size.height)
			if err := browserLogin(ctx, f.app.ts.URL, "/", "ann@example.com"); err != nil {
				t.Fatal(err)
			}
			eachScheme(t, ctx, func(scheme string) {
				for _, p := range []string{"/weeks/2026-W48", "/review"} {
					steps(t, ctx, chromedp.Navigate(f.app.ts.URL+p), chromedp.WaitReady(chromedp.CSS("footer")))
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".trend-table").scrollIntoView(), true`)); err != nil {
						t.Fatal(err)
					}
					saveViewport(t, ctx, "table-"+strings.Trim(strings.ReplaceAll(p, "/", "-"), "-")+"-"+size.name+"-"+scheme)
					problems(t, ctx, p+" at "+size.name+" "+scheme, fmt.Sprintf("%s(%v)", tablesScript, size.width >= 768))
					auditCurrent(t, ctx, p+" at "+size.name+" "+scheme)
				}
			})
		})
	}
}

// lowScript lists the small things a phone user trips on: a fold with no
// open/close marker, a follow-up Edit link under 44 px, a boss cut in the
// boss select, a chart label under 11 px on the screen or over its
// neighbour.
const lowScript = `(async () => {
  const out = [];
  for (const d of document.querySelectorAll("details.more, details.guide")) {
    const mark = () => getComputedStyle(d.querySelector("summary"), "::before").content;
    const shut = mark();
    d.open = !d.open;
    await new Promise(r => requestAnimationFrame(r));
    const open = mark();
    d.open = !d.open;
    if (shut === "none" || shut === "normal" || shut === open) out.push(d.className + ": marker " + shut + " shut, " + open + " open");
  }
  document.querySelectorAll(".edit-link, .followup a[href$='/edit']").forEach(a => {
    const r = a.getBoundingClientRect();
    if (r.width < 44 || r.height < 44) out.push("follow-up Edit link is " + Math.round(r.width) + "×" + Math.round(r.height));
  });
  const sel = document.querySelector("#boss_id");
  if (sel) {
    const cs = getComputedStyle(sel), ctx = document.createElement("canvas").getContext("2d");
    ctx.font = cs.fontWeight + " " + cs.fontSize + " " + cs.fontFamily;
    const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
    [...sel.options].forEach(o => {
      const w = ctx.measureText(o.text).width;
      if (w > room) out.push("boss '" + o.text + "' needs " + Math.round(w) + " px in a select with " + Math.round(room));
    });
  }
  document.querySelectorAll("svg.trend").forEach(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    let prev = null;
    svg.querySelectorAll("text").forEach(tx => {
      if (getComputedStyle(tx).display === "none") return;
      const px = parseFloat(getComputedStyle(tx).fontSize) * scale;
      if (px < 10.95) out.push("chart label '" + tx.textContent + "' is " + px.toFixed(1) + " px");
      const r = tx.getBoundingClientRect();
      if (r.width === 0) return;
      if (prev && r.left < prev.right) out.push("chart label '" + tx.textContent + "' overlaps the one before");
      prev = r;
    });
  });
  return out;
})()`

// TestBrowserPhoneDetails: folds show a marker that turns, follow-up Edit
// links are 44 px targets, boss names fit the boss select, and chart
// labels are at least 11 px, on a phone and a laptop, light and dark.
func TestBrowserPhoneDetails(t *testing.T) {
	t.Parallel()
	f := newWeekFixture(t)
	f.ann.createdID("/bosses", url.Values{"name": {"Frank Stakeholder-Miller"}, "relation": {"stakeholder"}}, "/bosses/")
	for _, size := range phoneAndLaptop {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t, size.width, size.height)
			if err := browserLogin(ctx, f.app.ts.URL, "/", "ann@example.com"); err != nil {
				t.Fatal(err)
			}
			eachScheme(t, ctx, func(scheme string) {
				for _, p := range []string{"/", "/entries/new", "/followups", "/weeks/2026-W48", "/review"} {
					steps(t, ctx, chromedp.Navigate(f.app.ts.URL+p), chromedp.WaitReady(chromedp.CSS("footer")))
					got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](lowScript, chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatalf("%s: %v", p, err)
					}
					for _, g := range got {
						t.Errorf("%s at %s %s: %s", p, size.name, scheme, g)
					}
				}
				steps(t, ctx, chromedp.Navigate(f.app.ts.URL+"/"), chromedp.WaitReady(chromedp.CSS("footer")))
				saveScreenshot(t, ctx, "capture-details-"+size.name+"-"+scheme)
			})
		})
	}
}
