package hostfiles

import (
	"fmt"
	"html"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// byPath is files' headers, by path, in the order of their paths.
func byPath(headers map[string]string) []fileHeaders {
	var files []fileHeaders
	for _, p := range slices.Sorted(maps.Keys(headers)) {
		files = append(files, fileHeaders{p, headers[p]})
	}
	return files
}

// TestHeaderRules groups files into rules that never overlap: a folder
// whose files all want the same headers is one rule, a mixed one is split.
func TestHeaderRules(t *testing.T) {
	page, asset, search := "  P: page\n", "  P: asset\n", "  P: search\n"
	got := headerRules(byPath(map[string]string{
		"index.html":          page,
		"404.html":            page,
		"2016/index.html":     page,
		"2016/tal/index.html": page,
		"2016/tal/figur.csv":  page,
		"css/a.1.css":         asset,
		"css/b.2.css":         asset,
		"fonts/f.3.ttf":       asset,
		"fonts/LICENSE.txt":   page,
		"soeg/index.html":     search,
		"css.txt":             page,
	}))
	var patterns []string
	for _, r := range got {
		patterns = append(patterns, r.pattern+" →"+r.headers)
	}
	want := []string{
		" →" + page,
		"2016/* →" + page,
		"404.html →" + page,
		"css.txt →" + page,
		"css/* →" + asset,
		"fonts/LICENSE.txt →" + page,
		"fonts/f.3.ttf →" + asset,
		"index.html →" + page,
		"soeg/* →" + search,
	}
	if strings.Join(patterns, "") != strings.Join(want, "") {
		t.Errorf("rules:\n%s\nwant:\n%s", strings.Join(patterns, ""), strings.Join(want, ""))
	}
	if all := headerRules(byPath(map[string]string{"index.html": page, "a/index.html": page})); len(all) != 1 || all[0].pattern != "*" {
		t.Errorf("a site whose files all want the same headers: %v", all)
	}
}

func TestPageCSP(t *testing.T) {
	page := []byte(`<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src 'self'"></head><body><meta http-equiv="Content-Security-Policy" content="x"></body>`)
	if got := PageCSP(page); got != "default-src 'self'; script-src 'self'" {
		t.Errorf("PageCSP = %q", got)
	}
	if got := PageCSP([]byte("<head></head>")); got != "" {
		t.Errorf("a page without a policy: %q", got)
	}
	for _, page := range cspPages {
		if got, want := PageCSP([]byte(page)), cspBySpec(page); got != want {
			t.Errorf("PageCSP(%q) = %q, want %q", page, got, want)
		}
	}
}

// cspSpec is what PageCSP finds, as a regular expression: the first tag
// whose content closes the tag, in the head.
var cspSpec = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

func cspBySpec(page string) string {
	head, _, _ := strings.Cut(page, "</head>")
	if m := cspSpec.FindStringSubmatch(head); m != nil {
		return html.UnescapeString(m[1])
	}
	return ""
}

var cspPages = []string{
	`<meta http-equiv="Content-Security-Policy" content="a" ><meta http-equiv="Content-Security-Policy" content="b">`,
	`<meta http-equiv="Content-Security-Policy" content="a`,
	`<meta http-equiv="Content-Security-Policy" content="a"`,
	`<meta http-equiv="Content-Security-Policy" content="">`,
	`<meta http-equiv="Content-Security-Policy" content="<meta http-equiv="Content-Security-Policy" content="c">`,
	`</head><meta http-equiv="Content-Security-Policy" content="a">`,
}

// FuzzPageCSP holds PageCSP to its specification on any page.
func FuzzPageCSP(f *testing.F) {
	for _, p := range cspPages {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, page string) {
		if got, want := PageCSP([]byte(page)), cspBySpec(page); got != want {
			t.Errorf("PageCSP(%q) = %q, want %q", page, got, want)
		}
	})
}

// TestHeaders writes _headers for a small site: pages carry their own
// policy, other files the most common one, the search index the search
// page's, hashed files a year's caching, and a tool's folder its own
// policy with noindex.
func TestHeaders(t *testing.T) {
	const common, search, tool = "default-src 'self'", "default-src 'self'; script-src 'wasm-unsafe-eval'", "frame-ancestors 'none'"
	got := string(Headers("/r/", []File{
		{Path: "_headers"},
		{Path: "admin/index.html", Page: false},
		{Path: "css/a.1234abcd.css", Immutable: true},
		{Path: "index.html", Page: true, CSP: common},
		{Path: "pagefind/pagefind.js"},
		{Path: "soeg/index.html", Page: true, CSP: search},
		{Path: "tal/index.html", Page: true, CSP: common},
	}, map[string]string{"admin": tool}))
	for _, want := range []string{
		"\n/r/admin/*\n  Content-Security-Policy: " + tool + "\n  Cache-Control: no-cache\n  X-Content-Type-Options: nosniff\n  X-Robots-Tag: noindex\n",
		"\n/r/css/*\n  Content-Security-Policy: " + common + "\n  Cache-Control: public, max-age=31536000, immutable\n",
		"\n/r/pagefind/*\n  Content-Security-Policy: " + search + "\n",
		"\n/r/soeg/*\n  Content-Security-Policy: " + search + "\n",
		"\n/r/index.html\n  Content-Security-Policy: " + common + "\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("_headers lacks\n%s\nin\n%s", want, got)
		}
	}
	if strings.Contains(got, "/r/_headers") {
		t.Errorf("_headers has a rule for itself:\n%s", got)
	}
}

func TestRedirects(t *testing.T) {
	got := string(Redirects("/r/", []Language{{Folder: "en/", Name: "English"}}, "https://www.was.digst.dk/x"))
	for _, want := range []string{"/r/en/* /r/en/404.html 404\n", "/r/was https://www.was.digst.dk/x 302\n", "/r/was/ https://www.was.digst.dk/x 302\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("_redirects lacks %q in\n%s", want, got)
		}
	}
	if got := string(Redirects("/", nil, "")); strings.Contains(got, "\n/") {
		t.Errorf("a site in one language without a statement has rules:\n%s", got)
	}
}

// TestHeadersInAnyOrder: the files' order does not change _headers.
func TestHeadersInAnyOrder(t *testing.T) {
	files := []File{
		{Path: "2016/index.html", Page: true, CSP: "a"}, {Path: "2016/tal/index.html", Page: true, CSP: "a"},
		{Path: "css/x.1.css", Immutable: true}, {Path: "index.html", Page: true, CSP: "b"}, {Path: "soeg/index.html", Page: true, CSP: "c"},
	}
	sorted := string(Headers("/", files, nil))
	mixed := []File{files[1], files[3], files[0], files[4], files[2]} // 2016/ apart
	if got := string(Headers("/", mixed, nil)); got != sorted {
		t.Errorf("in mixed order:\n%s\nin order:\n%s", got, sorted)
	}
}

// BenchmarkHeaders writes _headers for a site of 10,000 stories: a page
// each, under two policies, beside hashed assets and the search index.
func BenchmarkHeaders(b *testing.B) {
	const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"
	files := []File{{Path: "css/report.0bb12efc.css", Immutable: true}, {Path: "pagefind/pagefind.js"}, {Path: "soeg/index.html", Page: true, CSP: policy + "; script-src 'wasm-unsafe-eval'"}}
	for i := range 10000 {
		files = append(files, File{Path: fmt.Sprintf("2016/cases/case-%05d/index.html", i), Page: true, CSP: policy})
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) }) // as a build gives them
	for b.Loop() {
		Headers("/", files, map[string]string{"admin": "frame-ancestors 'none'"})
	}
}
