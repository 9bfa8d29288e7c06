//go:build sitecheck

package sitecheck

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// searchPage is the search page of the built site; the index it searches
// is Pagefind's, in pagefind/, which make check-site writes as make publish
// does.
const searchPage = "soeg/index.html"

// searchFinds are queries and a page each must find. The Brandbase case
// says "bryggerier" and "bryggeri"; "bryggerierne" is on no page, so only
// Danish stemming finds it. A site indexed without its case stories fails
// every one of them.
var searchFinds = []struct{ query, want, what string }{
	{"bryggeri", "2016/cases/konkurrenter-brander-sig-sammen/", "the Brandbase case"},
	{"bryggerierne", "2016/cases/konkurrenter-brander-sig-sammen/", "the Brandbase case, by the stem of a form no page has"},
	{"droneteknologi", "2016/cases/master-med-speciale-i-droneteknologi/", "the drone master's case"},
}

// searchFirst are queries and the page each must give as its first result,
// in each language, and searchNothing queries that must find nothing: the
// words are on no page, and Pagefind's fallback on a shorter prefix that is
// ("vi" for "vindmølle") must not list pages that do not have them. The
// queries name the 2016 edition's pages; "foedevarer" is "fødevarer" typed
// without ø.
var searchFirst = map[string][]struct{ query, want string }{
	"": {
		{"droneteknologi", "2016/cases/master-med-speciale-i-droneteknologi/"},
		{"MedWatch", "2016/cases/nye-samarbejdspartnere-og-investorer-efter-omtale-i-medwatch/"},
		{"innovationskupon", "2016/cases/innovationskupon-fremskoed-udviklingen/"},
		{"speeddating", "2016/cases/speeddating-foerte-til-nye-samarbejder-og-produkter/"},
		{"Korea", "2016/cases/tur-til-korea-gav-kontakter-og-aftaler/"},
		{"Saudi-Arabien", "2016/cases/dansk-virksomhed-leverer-lys-til-saudi-arabien/"},
		{"bryggeri", "2016/cases/konkurrenter-brander-sig-sammen/"},
		{"sikkerhedsindustrien", "2016/cases/virksomheder-inden-for-sikkerhedsindustrien-styrkes/"},
		{"pressemeddelelse", "tal/pressemeddelelser/"}, // the figure's title says it
		{"foedevarer", "2016/klynger/foodnetwork/"},
		{"fødevarer", "2016/klynger/foodnetwork/"},
		{"omsætning", "tal/omsaetning/"},
	},
	"en/": {
		{"drone", "en/2016/cases/master-med-speciale-i-droneteknologi/"},
		{"MedWatch", "en/2016/cases/nye-samarbejdspartnere-og-investorer-efter-omtale-i-medwatch/"},
		{"voucher", "en/2016/cases/innovationskupon-fremskoed-udviklingen/"},
		{"oasis", "en/2016/cases/speeddating-foerte-til-nye-samarbejder-og-produkter/"},
		{"Korea", "en/2016/cases/tur-til-korea-gav-kontakter-og-aftaler/"},
		{"Saudi", "en/2016/cases/dansk-virksomhed-leverer-lys-til-saudi-arabien/"},
		{"brewery", "en/2016/cases/konkurrenter-brander-sig-sammen/"},
		{"security", "en/2016/cases/virksomheder-inden-for-sikkerhedsindustrien-styrkes/"},
		{"press release", "en/tal/pressemeddelelser/"},
		{"foedevarer", "en/2016/klynger/nordjysk-foedevareerhverv/"}, // its Danish name
		{"turnover", "en/tal/omsaetning/"},
		{"catalogue", "en/2016/"}, // the foreword, on the edition's front page
	},
}

var searchNothing = map[string][]string{
	"":    {"vindmølle", "vind", "xylofon"},
	"en/": {"windmill", "wind", "xylophone"},
}

// TestSearchResults searches each language's search page for searchFirst
// and searchNothing, typed as a reader types them.
func TestSearchResults(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	s, err := Read(os.DirFS(*siteDir))
	if err != nil {
		t.Fatal(err)
	}
	srv := newRecordingServer(t, withHostHeaders(t, s, http.FileServer(http.Dir(*siteDir))))
	ctx, _ := strictBrowser(t)
	for _, prefix := range []string{"", "en/"} {
		if _, _, err := searchByURL(ctx, srv.URL+"/"+prefix+"soeg/?q=klynge"); err != nil {
			t.Fatalf("%ssoeg/: %v", prefix, err)
		}
		for _, f := range searchFirst[prefix] {
			found, status, err := searchByTyping(ctx, f.query)
			switch {
			case err != nil:
				t.Errorf("%ssoeg/: %q: %v", prefix, f.query, err)
			case len(found) == 0 || found[0] != "/"+f.want:
				t.Errorf("%ssoeg/: %q gives %v first (%s), want /%s", prefix, f.query, found[:min(3, len(found))], status, f.want)
			}
		}
		for _, q := range searchNothing[prefix] {
			found, status, err := searchByTyping(ctx, q)
			if err != nil || len(found) > 0 {
				t.Errorf("%ssoeg/: %q finds %v (%s, %v); it is on no page", prefix, q, found[:min(3, len(found))], status, err)
			}
		}
	}
}

// TestSearch searches the built site in headless Chromium, served with the
// headers of its _headers file, as Netlify and Cloudflare Pages serve it,
// and with the pages' own Content-Security-Policy in force (Pagefind's
// worker runs under the policy its own file is served with): each query of
// searchFinds must find
// its page, the page with results must pass axe, nothing may be written to
// the console (a CSP violation is), and the page with its first query must
// keep the page-weight budget. The first query is given in the address, as
// a link to a search would; the others are typed.
func TestSearch(t *testing.T) {
	if *siteDir == "" || *axeFile == "" {
		t.Fatal("give -site DIR and -axe FILE; make check-site does")
	}
	axe, err := os.ReadFile(*axeFile)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Read(os.DirFS(*siteDir))
	if err != nil {
		t.Fatal(err)
	}
	if s[searchPage] == nil {
		t.Fatalf("the site has no search page %s", searchPage)
	}
	if s["pagefind/pagefind-entry.json"] == nil {
		t.Fatal("the site has no search index (pagefind/pagefind-entry.json); make check-site and make publish run Pagefind after the build")
	}
	for _, f := range searchFinds {
		if s[f.want+"index.html"] == nil {
			t.Fatalf("%s, %s, is not a page of the site; update searchFinds", f.want, f.what)
		}
	}
	srv := newRecordingServer(t, withHostHeaders(t, s, http.FileServer(http.Dir(*siteDir))))
	ctx, console := strictBrowser(t)

	// The first query, from the address, on an empty cache: what it loads
	// is the page's weight.
	srv.reset()
	first := searchFinds[0]
	found, status, err := searchByURL(ctx, srv.URL+"/soeg/?q="+first.query)
	if err != nil {
		t.Fatalf("searching %q: %v", first.query, err)
	}
	checkFound(t, first.query, first.want, first.what, found, status)
	weighFirstQuery(t, s, srv.served(), first.query)

	violations, err := runAxe(ctx, string(axe))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("%s with results for %q: axe %s (%s): %s, at %s", searchPage, first.query, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
	}

	for _, f := range searchFinds[1:] {
		found, status, err := searchByTyping(ctx, f.query)
		if err != nil {
			t.Errorf("typing %q: %v", f.query, err)
			continue
		}
		checkFound(t, f.query, f.want, f.what, found, status)
	}
	for _, m := range console.messages() {
		t.Errorf("%s: the console says: %s", searchPage, m)
	}
}

// TestSearchWithoutIndex opens the search page of a site built without
// Pagefind, as make build and make serve leave it (the site's stand-in
// pagefind/pagefind.js, from static/), and without JavaScript: each must
// say how to find the pages instead, without a word in the console.
func TestSearchWithoutIndex(t *testing.T) {
	if *siteDir == "" || *axeFile == "" {
		t.Fatal("give -site DIR and -axe FILE; make check-site does")
	}
	axe, err := os.ReadFile(*axeFile)
	if err != nil {
		t.Fatal(err)
	}
	standIn, err := os.ReadFile("../../static/pagefind/pagefind.js")
	if err != nil {
		t.Fatal(err)
	}
	site := http.FileServer(http.Dir(*siteDir))
	srv := newRecordingServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/pagefind/") {
			if r.URL.Path != "/pagefind/pagefind.js" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write(standIn)
			return
		}
		site.ServeHTTP(w, r)
	}))
	ctx, console := strictBrowser(t)
	err = chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/soeg/?q=bryggeri"), chromedp.WaitVisible(chromedp.CSS(".search-note")))
	if err != nil {
		t.Fatalf("the search page without an index: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	formHidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".search-form").hidden`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Søgningen bygges, når sitet udgives") || !formHidden {
		t.Errorf("without an index, the search page should say that search is built when the site is published, and hide its form; it shows:\n%s", text)
	}
	violations, err := runAxe(ctx, string(axe))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("%s without an index: axe %s (%s): %s, at %s", searchPage, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
	}
	for _, m := range console.messages() {
		t.Errorf("%s without an index: the console says: %s", searchPage, m)
	}

	// Without JavaScript: the same page says so and leads to the table of
	// contents and the cluster directory.
	noJS, cancel := chromedp.NewContext(ctx)
	defer cancel()
	err = chromedp.Do(noJS,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(srv.URL+"/soeg/"),
	)
	if err != nil {
		t.Fatalf("the search page without JavaScript: %v", err)
	}
	if text, err = chromedp.Run(noJS, chromedp.Text(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	links, err := chromedp.Run(noJS, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main a")].map(a => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "kræver JavaScript") {
		t.Errorf("without JavaScript, the search page should say that search needs it; it shows:\n%s", text)
	}
	for _, want := range []string{"/2016/#indhold-titel", "/2016/klynger/"} {
		if !slices.Contains(links, want) {
			t.Errorf("without JavaScript, the search page should link to %s; its links: %v", want, links)
		}
	}
}

func checkFound(t *testing.T, query, want, what string, found []string, status string) {
	t.Helper()
	t.Logf("%q: %s; first results: %v", query, status, found[:min(5, len(found))])
	if !slices.Contains(found, "/"+want) {
		t.Errorf("searching %q did not find %s, %s, among the %d results shown (%s): %v", query, want, what, len(found), status, found)
	}
}

// resultsScript waits until the page has announced the results of the
// query in the field, and lists the links of the results drawn.
const resultsScript = `new Promise((resolve, reject) => {
	const status = document.querySelector(".search-status");
	const input = document.getElementById("soeg-felt");
	const deadline = Date.now() + 20000;
	(function poll() {
		const q = input.value.trim();
		if (q && status.textContent.includes(q)) { // either language's announcement names the query
			resolve({status: status.textContent,
				found: [...document.querySelectorAll(".search-results .search-result a")].map(a => a.getAttribute("href"))});
		} else if (status.textContent.includes("virker ikke")) {
			reject(new Error("the search failed; the status says: " + JSON.stringify(status.textContent)));
		} else if (Date.now() > deadline) {
			reject(new Error("no results announced after 20 s; the status says: " + JSON.stringify(status.textContent)));
		} else {
			setTimeout(poll, 50);
		}
	})();
})`

type searchResults struct {
	Status string   `json:"status"`
	Found  []string `json:"found"`
}

func searchByURL(ctx context.Context, url string) ([]string, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 40*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, "", err
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[searchResults](resultsScript, chromedp.EvalAwaitPromise))
	return r.Found, r.Status, err
}

func searchByTyping(ctx context.Context, query string) ([]string, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 40*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[any](`(() => { const f = document.getElementById("soeg-felt"); f.value = ""; f.focus(); })()`))
	if err == nil {
		err = chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("soeg-felt"), query))
	}
	if err != nil {
		return nil, "", err
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[searchResults](resultsScript, chromedp.EvalAwaitPromise))
	return r.Found, r.Status, err
}

func runAxe(ctx context.Context, axe string) ([]violation, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](axe)); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[[]violation](`axe.run(document, {runOnly: {type: "tag", values: `+axeTags+`}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => n.target.join(" "))})))`, chromedp.EvalAwaitPromise))
}

// weighFirstQuery holds the search page to the budget of every page, with
// what it loads to answer its first query: Pagefind's script, its
// WebAssembly, the parts of the index the query needs and the text of the
// results shown. It counts what the server sent, by file, together with
// what the page's HTML and style sheets name (Weigh's count), each file
// once.
func weighFirstQuery(t *testing.T, s Site, served []string, query string) {
	t.Helper()
	var static Weight
	for _, w := range s.Weigh("/") {
		if w.Page == searchPage {
			static = w
		}
	}
	counted := map[string]bool{searchPage: true}
	for _, ref := range s.Refs(searchPage) {
		if file, _, internal := Resolve(searchPage, ref, "/"); internal && isAsset(file) {
			counted[file] = true
			for _, inner := range s.Refs(file) {
				if f, _, ok := Resolve(file, inner, "/"); ok {
					counted[f] = true
				}
			}
		}
	}
	total := static.Total
	var extra []string
	for _, p := range served {
		file := strings.TrimPrefix(path.Clean(p), "/")
		if strings.HasSuffix(p, "/") {
			file = path.Join(file, "index.html")
		}
		if counted[file] || s[file] == nil {
			continue
		}
		counted[file] = true
		total += len(s[file])
		extra = append(extra, fmt.Sprintf("%s %.1f KB", file, float64(len(s[file]))/1024))
	}
	w := Weight{Page: searchPage + " with the query " + query, HTML: static.HTML, Total: total}
	for _, o := range OverBudget([]Weight{w}, PageBudget) {
		t.Error(o)
	}
	t.Logf("%s: %.1f KB of HTML, %.1f KB with what it loads for its first query (%.1f KB without the query); the query loaded %s",
		w.Page, float64(w.HTML)/1024, float64(w.Total)/1024, float64(static.Total)/1024, strings.Join(extra, ", "))
}

// withHostHeaders adds to each response the headers the site's _headers
// file gives its address, as Netlify and Cloudflare Pages do: a rule's
// pattern is an address, or ends in a splat that matches any rest.
func withHostHeaders(t *testing.T, s Site, h http.Handler) http.Handler {
	t.Helper()
	type rule struct {
		pattern string
		headers [][2]string
	}
	var rules []rule
	for line := range strings.Lines(string(s["_headers"])) {
		line = strings.TrimRight(line, "\r\n")
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t"):
			rules = append(rules, rule{pattern: line})
		case len(rules) > 0:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				t.Fatalf("_headers: a header line without a colon: %q", line)
			}
			last := &rules[len(rules)-1]
			last.headers = append(last.headers, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		default:
			t.Fatalf("_headers: a header line before any address: %q", line)
		}
	}
	if len(rules) == 0 {
		t.Log("the site has no _headers; served without its rules")
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, rl := range rules {
			prefix, splat := strings.CutSuffix(rl.pattern, "*")
			if splat && strings.HasPrefix(r.URL.Path, prefix) || rl.pattern == r.URL.Path {
				for _, kv := range rl.headers {
					w.Header().Add(kv[0], kv[1])
				}
			}
		}
		h.ServeHTTP(w, r)
	})
}

// recordingServer serves the site and records the path of every request,
// the worker's too, which the page's own timeline does not see.
type recordingServer struct {
	*httptest.Server
	mu    sync.Mutex
	paths []string
}

func newRecordingServer(t *testing.T, h http.Handler) *recordingServer {
	rs := &recordingServer{}
	rs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs.mu.Lock()
		rs.paths = append(rs.paths, r.URL.Path)
		rs.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(rs.Close)
	return rs
}

func (rs *recordingServer) reset() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.paths = nil
}

func (rs *recordingServer) served() []string {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return slices.Clone(rs.paths)
}

// consoleLog collects what a page writes to the console: errors and
// warnings of its scripts, uncaught exceptions, and the browser's own
// messages, among them Content-Security-Policy violations and failed
// requests.
type consoleLog struct {
	mu   sync.Mutex
	msgs []string
}

func (c *consoleLog) add(m string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.msgs = append(c.msgs, m)
}

func (c *consoleLog) messages() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.msgs)
}

// strictBrowser starts headless Chromium that keeps the pages'
// Content-Security-Policy (startBrowser bypasses it), with the cache off,
// and listens to its console. Script the test runs goes through the
// DevTools protocol, which the policy does not govern.
func strictBrowser(t *testing.T) (context.Context, *consoleLog) {
	t.Helper()
	alloc := newAllocator(t)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(cancelCtx)
	log := &consoleLog{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					if a.Description != "" {
						parts = append(parts, a.Description)
					} else {
						parts = append(parts, strings.Trim(string(a.Value), `"`))
					}
				}
				log.add(string(ev.Type) + ": " + strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			log.add("uncaught: " + msg)
		case *cdplog.EventEntryAdded:
			// The browser asks for /favicon.ico of its own accord; the
			// pages name no icon.
			if strings.HasSuffix(ev.Entry.URL, "/favicon.ico") {
				return
			}
			if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
				log.add(fmt.Sprintf("%s %s: %s %s", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
	if err == nil {
		_, err = chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
	}
	if err != nil {
		t.Fatalf("cannot start Chromium at %s: %v", *chromium, err)
	}
	return ctx, log
}
