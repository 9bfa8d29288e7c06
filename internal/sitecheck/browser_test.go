//go:build sitecheck

package sitecheck

import (
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var (
	siteDir  = flag.String("site", "", "the built site to check (make check-site builds it)")
	axeFile  = flag.String("axe", "", "axe.min.js from the axe-core package in tools/site-check")
	chromium = flag.String("chromium", "/usr/bin/chromium", "the Chromium binary")
	every    = flag.Bool("every-page", false, "load every page in the browser checks, not a sample of each kind (make check-site EVERY_PAGE=1)")
)

// samplePerKind is how many pages of each kind, in each language, the
// browser checks load (see Site.Sample): at eight widths, every page of
// the 2016 edition took TestLayout two minutes, and each edition adds as
// many.
const samplePerKind = 5

// browserPages are the pages the browser checks load: a sample of each
// kind, or with -every-page all of them.
func browserPages(t *testing.T, s Site) []string {
	t.Helper()
	all := s.Pages()
	if *every {
		return all
	}
	sample := s.Sample(samplePerKind)
	t.Logf("loading %d of the %d pages: up to %d of each kind in each language (-every-page loads them all)", len(sample), len(all), samplePerKind)
	return sample
}

// axeTags are the rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]`

type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// TestBrowser loads the pages of the built site (a sample of each kind, see
// browserPages) in headless Chromium, runs axe-core on each, and loads it
// again with JavaScript disabled to check that the main text is all there
// without it.
func TestBrowser(t *testing.T) {
	if *siteDir == "" || *axeFile == "" {
		t.Fatal("give -site DIR and -axe FILE; make check-site does")
	}
	axe, err := os.ReadFile(*axeFile)
	if err != nil {
		t.Fatal(err)
	}
	s, srv := serveSite(t)
	withJS := startBrowser(t)
	// A second tab of the same browser, made once the browser runs.
	noJS, cancelNoJS := chromedp.NewContext(withJS)
	defer cancelNoJS()
	err = chromedp.Do(noJS, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, p := range browserPages(t, s) {
		url := srv.URL + "/" + strings.TrimSuffix(p, "index.html")
		violations, text, err := audit(withJS, url, string(axe))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		for _, v := range violations {
			t.Errorf("%s: axe %s (%s): %s, at %s", p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		}
		plain, err := mainText(noJS, url)
		if err != nil {
			t.Errorf("%s without JavaScript: %v", p, err)
		} else if strings.TrimPrefix(p, "en/") == searchPage {
			// The one page that needs script, in each language: without
			// it, it says so and leads on (TestSearchWithoutIndex checks).
		} else if plain != text || len(strings.TrimSpace(plain)) < 20 {
			t.Errorf("%s: the main text differs without JavaScript (%d characters against %d)", p, len(plain), len(text))
		}
		checked++
	}
	t.Logf("%d pages checked with axe-core (%s) and without JavaScript", checked, axeTags)
}

// serveSite reads the built site and serves it over HTTP for the test.
func serveSite(t *testing.T) (Site, *httptest.Server) {
	t.Helper()
	s, err := Read(os.DirFS(*siteDir))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(*siteDir)))
	t.Cleanup(srv.Close)
	return s, srv
}

// newAllocator starts headless Chromium for one test, with the flags this
// machine's closed network needs.
func newAllocator(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(*chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000)}, extra...)...)
	t.Cleanup(cancel)
	return alloc
}

// startBrowser starts headless Chromium for one test, with the pages'
// Content-Security-Policy bypassed so that the test may inject script.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	alloc := newAllocator(t)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(cancelCtx)
	// The pages forbid script that is not their own; axe and the layout
	// probes are injected through the DevTools protocol, which the policy
	// would otherwise also stop.
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
		return err
	}))
	if err != nil {
		t.Fatalf("cannot start Chromium at %s: %v", *chromium, err)
	}
	return ctx
}

// layoutWidths are the window widths the layout is checked at: 320 px,
// where WCAG 1.4.10 asks that nothing but data tables scroll sideways (a
// desktop browser zoomed to 400 % is this wide), small and common phones,
// the chart breakpoint's neighbourhood, and desktops.
var layoutWidths = []int64{320, 375, 390, 600, 700, 720, 1024, 1280}

// minRoom is the least room, in CSS pixels, between the header and a
// page's h1 and between its content and the footer.
const minRoom = 24

// minLabelWidth is the narrowest window at which chart labels must be 12 px
// or more. At 320 px the narrow chart (360 units across, 13-unit labels)
// draws them at 10.4 px; there, most readers are zoomed-in desktops, where
// a CSS pixel is four screen pixels.
const minLabelWidth = 375

// layoutProbe measures what a reader sees at the current width: whether the
// page scrolls sideways as a whole (tables may scroll inside their own box),
// the smallest chart label as drawn, in CSS pixels, and the room between
// the header and the page's h1 and between the content and the footer.
const layoutProbe = `(() => {
	const doc = document.documentElement;
	let min = 0, label = "";
	for (const svg of document.querySelectorAll("figure.chart svg")) {
		const box = svg.getBoundingClientRect();
		if (box.width === 0 || !svg.viewBox.baseVal || svg.viewBox.baseVal.width === 0) continue; // the variant not shown
		const scale = box.width / svg.viewBox.baseVal.width;
		for (const t of svg.querySelectorAll("text")) {
			const px = parseFloat(getComputedStyle(t).fontSize) * scale;
			if (min === 0 || px < min) { min = px; label = t.textContent; }
		}
	}
	const header = document.querySelector(".site-header"), footer = document.querySelector(".site-footer");
	const h1 = document.querySelector("main h1"), main = document.querySelector("main");
	let above = 999, below = 999;
	if (header && h1) above = h1.getBoundingClientRect().top - header.getBoundingClientRect().bottom;
	if (footer && main) {
		let bottom = 0;
		for (const el of main.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			if (r.height > 0 && getComputedStyle(el).visibility !== "hidden") bottom = Math.max(bottom, r.bottom);
		}
		below = footer.getBoundingClientRect().top - bottom;
	}
	let unshaded = "";
	for (const region of document.querySelectorAll(".table-scroll")) {
		const wider = region.scrollWidth > region.clientWidth + 1;
		if (wider && region.offsetParent !== null && !getComputedStyle(region).backgroundImage.includes("gradient")) unshaded = region.getAttribute("aria-labelledby") || region.getAttribute("aria-label") || "a table";
	}
	return JSON.stringify({overflow: doc.scrollWidth - doc.clientWidth, minLabel: min, label: label, above: above, below: below, unshaded: unshaded});
})()`

// TestLayout loads the pages (a sample of each kind, see browserPages) at
// phone, tablet and desktop widths: no page may scroll sideways as a
// whole, the header and the footer keep minRoom from the content, and from
// minLabelWidth no chart label may be drawn smaller than 12 CSS pixels.
func TestLayout(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	s, srv := serveSite(t)
	ctx := startBrowser(t)
	charts := 0
	pages := browserPages(t, s)
	for _, w := range layoutWidths {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			hasCharts := strings.Contains(string(s[p]), `<figure class="chart"`)
			if w != layoutWidths[0] && !hasCharts {
				continue // pages without charts: the narrowest width is the telling one
			}
			var m struct {
				Overflow float64 `json:"overflow"`
				MinLabel float64 `json:"minLabel"`
				Label    string  `json:"label"`
				Above    float64 `json:"above"`    // header to h1
				Below    float64 `json:"below"`    // content to footer
				Unshaded string  `json:"unshaded"` // a table wider than its box that does not show it
			}
			raw, err := probe(ctx, srv.URL+"/"+strings.TrimSuffix(p, "index.html"))
			if err == nil {
				err = json.Unmarshal([]byte(raw), &m)
			}
			if err != nil {
				t.Errorf("%s at %d px: %v", p, w, err)
				continue
			}
			if m.Overflow > 0 {
				t.Errorf("%s at %d px: the page scrolls sideways by %.0f px", p, w, m.Overflow)
			}
			if m.Unshaded != "" {
				t.Errorf("%s at %d px: %s is wider than the screen and does not show that it scrolls", p, w, m.Unshaded)
			}
			if m.Above < minRoom || m.Below < minRoom {
				t.Errorf("%s at %d px: %.0f px between the header and the h1, %.0f px between the content and the footer; want at least %d", p, w, m.Above, m.Below, minRoom)
			}
			if hasCharts && w >= minLabelWidth && m.MinLabel < 12 {
				t.Errorf("%s at %d px: chart label %q is drawn at %.1f px, below 12", p, w, m.Label, m.MinLabel)
			}
			if hasCharts {
				charts++
			}
		}
	}
	if charts == 0 {
		t.Fatal("no page with charts was measured; has the chart markup changed?")
	}
	t.Logf("%d pages at %d px, and %d loads of pages with charts at %v px (labels from %d px)", len(pages), layoutWidths[0], charts, layoutWidths, minLabelWidth)
}

func probe(ctx context.Context, url string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return "", err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[string](layoutProbe))
}

// audit loads a page, runs axe-core on it and returns its violations and
// the text of its main element.
func audit(ctx context.Context, url, axe string) ([]violation, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, "", err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](axe)); err != nil {
		return nil, "", err
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: `+axeTags+`}, resultTypes: ["violations"]})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => n.target.join(" "))}))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, "", err
	}
	text, err := chromedp.Run(ctx, chromedp.Text("main"))
	if err != nil {
		return nil, "", err
	}
	var vs []violation
	return vs, text, json.Unmarshal([]byte(raw), &vs)
}

func mainText(ctx context.Context, url string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return "", err
	}
	return chromedp.Run(ctx, chromedp.Text("main"))
}

// TestBuiltSite checks the built folder on disk as a host would serve it:
// every internal link, anchor and asset, the page-weight budget, and script.
func TestBuiltSite(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	s, err := Read(os.DirFS(*siteDir))
	if err != nil {
		t.Fatal(err)
	}
	// Links, script, a description, the icons and the accessibility
	// statement on every page, _headers as Netlify and Cloudflare Pages
	// read it, and the pages' weight.
	problems, weights := s.Problems("/")
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("%d pages; the heaviest, against budgets of 100 KB of HTML and 300 KB with what each loads:", len(weights))
	for _, w := range weights[:min(5, len(weights))] {
		t.Logf("  %-58s %4d KB HTML %4d KB in all", w.Page, w.HTML>>10, w.Total>>10)
	}
}
