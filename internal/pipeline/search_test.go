package pipeline

import (
	"strings"
	"testing"

	"report/internal/hostfiles"
	"report/internal/urls"
)

// TestSearchPage checks the search page as the build leaves it, before
// Pagefind indexes the site: only it loosens the Content-Security-Policy,
// and only as Pagefind needs ('wasm-unsafe-eval', a worker from the site),
// with no inline script; the pages Pagefind should index mark their text,
// and no other page does; the stand-in for Pagefind's bundle is published
// under its own name; and _headers gives pagefind/, where Pagefind's worker
// runs under the policy of its own file, the search page's policy.
func TestSearchPage(t *testing.T) {
	const base = "/rapport/"
	out := files(buildRealSite(t, Options{BaseURL: "https://example.org" + base}))
	page := out[urls.Search+"index.html"]
	if page == "" {
		t.Fatalf("no search page at %s", urls.Search)
	}
	search := hostfiles.PageCSP([]byte(page))
	for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval';", "; worker-src 'self'"} {
		if !strings.Contains(search, want) {
			t.Errorf("the search page's policy lacks %q: %s", want, search)
		}
	}
	for _, never := range []string{"unsafe-inline", "'unsafe-eval'", "blob:", "*"} {
		if strings.Contains(search, never) {
			t.Errorf("the search page's policy allows %s: %s", never, search)
		}
	}
	if !strings.Contains(page, `<script type="module" src="`+base+`js/search.`) || strings.Count(page, "<script")-strings.Count(page, `<script type="application/ld+json">`) != 1 {
		t.Errorf("the search page should load js/search.js, its one script, from the site")
	}
	if out["pagefind/pagefind.js"] == "" {
		t.Errorf("the stand-in pagefind/pagefind.js is not published under its own name")
	}

	// Which pages Pagefind indexes: an edition's foreword, chapters, case
	// stories, clusters and metrics, and nothing else.
	indexed := map[string]int{}
	for f, b := range out {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		policy := hostfiles.PageCSP([]byte(b))
		// The editors' CMS has a policy of its own (TestCMSPage); the
		// search index must leave it out all the same.
		if readerPage(f) && strings.TrimPrefix(f, "en/") != urls.Search+"index.html" && (strings.Contains(policy, "wasm") || strings.Contains(policy, "worker-src")) {
			t.Errorf("%s loosens its policy as only the search page may: %s", f, policy)
		}
		marked := strings.Count(b, "data-pagefind-body")
		kind := pageKind(f)
		switch {
		case kind == "" && marked != 0:
			t.Errorf("%s is marked for the search index, but is not an edition's front page, a chapter, case, cluster or metric page", f)
		case kind != "" && marked != 1:
			t.Errorf("%s, a %s page, has %d elements marked data-pagefind-body, want 1", f, kind, marked)
		}
		indexed[kind]++
	}
	for _, kind := range []string{"edition", "chapter", "case", "cluster", "metric"} {
		if indexed[kind] == 0 {
			t.Errorf("no %s page found to check", kind)
		}
	}

	rules := parseHeaders(t, out[urls.Headers])
	for _, f := range []string{"pagefind/pagefind.js", "pagefind/pagefind-worker.js", "pagefind/wasm.da.pagefind"} {
		var got []string
		for _, r := range rules {
			if matches(r.pattern, base+f) {
				got = append(got, r.headers["Content-Security-Policy"])
			}
		}
		if len(got) != 1 || got[0] != search {
			t.Errorf("_headers gives %s%s the policies %q, want the search page's alone:\n  %q", base, f, got, search)
		}
	}
}

// pageKind tells the pages the search index holds by their paths in the
// shipped site: "chapter", "case", "cluster" or "metric", or "".
func pageKind(f string) string {
	f = strings.TrimPrefix(f, "en/") // the English pages are of the same kinds
	parts := strings.Split(strings.TrimSuffix(f, "index.html"), "/")
	if f == "tal/data/index.html" {
		return "" // the page about the open data, among the metrics' pages but none of them
	}
	switch {
	case len(parts) == 2 && len(parts[0]) == 4 && parts[0] >= "2000" && parts[0] <= "2999":
		return "edition"
	case len(parts) == 3 && parts[0] == "tal":
		return "metric"
	case len(parts) == 4 && parts[1] == "cases":
		return "case"
	case len(parts) == 4 && parts[1] == "klynger":
		return "cluster"
	case len(parts) == 3 && len(parts[0]) == 4 && parts[0] >= "2000" && parts[0] <= "2999" && parts[1] != "cases" && parts[1] != "klynger":
		return "chapter"
	}
	return ""
}
