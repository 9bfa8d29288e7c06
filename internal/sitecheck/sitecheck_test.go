package sitecheck

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const goodPage = `<!doctype html><html lang="da"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
<link rel="stylesheet" href="/css/a.css"></head>
<body><main id="indhold"><h2 id="afsnit">A</h2><a href="#afsnit">a</a> <a href="/b/">b</a> <a href="https://example.org/">x</a></main></body></html>`

func site(extra map[string]string) Site {
	s := Site{
		"index.html":   []byte(goodPage),
		"b/index.html": []byte(goodPage),
		"css/a.css":    []byte(`body{} @font-face{src:url("../fonts/f.ttf")}`),
		"fonts/f.ttf":  make([]byte, 1000),
	}
	for k, v := range extra {
		s[k] = []byte(v)
	}
	return s
}

func TestBrokenLinks(t *testing.T) {
	if got := site(nil).BrokenLinks("/"); len(got) != 0 {
		t.Fatalf("a good site has broken links: %v", got)
	}
	bad := site(map[string]string{"c/index.html": `<a href="/findes-ikke/">x</a> <a href="/b/#intet">y</a> <img src="../billede.png" alt="z"> <a href="d/">rel</a>`})
	got := strings.Join(bad.BrokenLinks("/"), "\n")
	for _, want := range []string{`"/findes-ikke/" leads to findes-ikke/index.html`, `"/b/#intet": b/index.html has no element with id "intet"`, `"../billede.png" leads to billede.png`, `"d/" leads to c/d/index.html`} {
		if !strings.Contains(got, want) {
			t.Errorf("missed %s in\n%s", want, got)
		}
	}
	css := site(map[string]string{"css/a.css": `@font-face{src:url(../fonts/mangler.woff2)}`})
	if got := css.BrokenLinks("/"); len(got) != 1 {
		t.Errorf("a font missing from the CSS: %v", got)
	}
}

func TestBasePath(t *testing.T) {
	s := Site{"index.html": []byte(`<a href="/rapport/b/">b</a> <a href="/b/">outside</a>`), "b/index.html": []byte("x")}
	got := s.BrokenLinks("/rapport/")
	if len(got) != 1 || !strings.Contains(got[0], `"/b/"`) {
		t.Errorf("under /rapport/: %v", got)
	}
}

func TestWeigh(t *testing.T) {
	s := site(map[string]string{"big/index.html": goodPage + strings.Repeat("x", 2000)})
	w := s.Weigh("/")
	if w[0].Page != "big/index.html" {
		t.Errorf("heaviest first: %v", w)
	}
	if want := len(s["big/index.html"]) + len(s["css/a.css"]) + 1000; w[0].Total != want {
		t.Errorf("total %d, want %d (the page, its CSS and the font the CSS loads)", w[0].Total, want)
	}
	over := OverBudget(w, Budget{HTML: 1500, Total: 3000})
	if len(over) != 2 || !strings.HasPrefix(over[0], "big/index.html") {
		t.Errorf("over budget: %v", over)
	}
}

func TestScriptProblems(t *testing.T) {
	if got := site(nil).ScriptProblems(); len(got) != 0 {
		t.Fatalf("a good site: %v", got)
	}
	ld := Site{"index.html": []byte(goodPage + `<script type="application/ld+json">{"@type":"Report"}</script>`)}
	if got := ld.ScriptProblems(); len(got) != 0 {
		t.Errorf("a JSON-LD block is data, not script: %v", got)
	}
	for name, page := range map[string]string{
		"no CSP":     `<html><body>x</body></html>`,
		"inline":     goodPage + `<script>alert(1)</script>`,
		"not JSON":   goodPage + `<script type="application/ld+json">alert(1)</script>`,
		"typed":      goodPage + `<script type="module">alert(1)</script>`,
		"handler":    goodPage + `<img src="x.png" alt="" onerror="alert(1)">`,
		"js url":     goodPage + `<a href="javascript:alert(1)">x</a>`,
		"unsafe CSP": strings.Replace(goodPage, "script-src 'self'", "script-src 'self' 'unsafe-inline'", 1),
	} {
		s := Site{"index.html": []byte(page)}
		if got := s.ScriptProblems(); len(got) == 0 {
			t.Errorf("%s: not caught", name)
		}
	}
}

func TestRead(t *testing.T) {
	s, err := Read(fstest.MapFS{"a/index.html": {Data: []byte("x")}, "b.css": {Data: []byte("y")}})
	if err != nil || len(s) != 2 || len(s.Pages()) != 1 {
		t.Errorf("Read: %v %v", s, err)
	}
}

// TestClickProblems: a page three clicks from its edition's front page, an
// edition's front page that neither the front page nor the archive links to,
// and a page outside the editions three clicks from the front page.
func TestClickProblems(t *testing.T) {
	link := func(hrefs ...string) []byte {
		var b strings.Builder
		for _, h := range hrefs {
			b.WriteString(`<a href="` + h + `">x</a> `)
		}
		return []byte(b.String())
	}
	good := Site{
		"index.html":            link("/2016/", "/arkiv/", "/tal/"),
		"arkiv/index.html":      link("/2016/", "/2017/"),
		"2016/index.html":       link("/2016/a/"),
		"2016/a/index.html":     link("/2016/a/b/"),
		"2016/a/b/index.html":   nil,
		"2017/index.html":       nil,
		"tal/index.html":        link("/tal/x/"),
		"tal/x/index.html":      nil,
		"404.html":              nil,
		"en/index.html":         nil,
		"admin/index.html":      nil, // the CMS: no page of the report
		"2016/a/b/c/index.html": nil,
	}
	good["2016/a/b/index.html"] = link("/2016/a/b/c/")
	problems, editions := good.ClickProblems()
	if editions != 2 {
		t.Errorf("%d editions, want 2", editions)
	}
	if want := "2016/a/b/c/index.html is more than two clicks from its edition's front page, 2016/index.html"; strings.Join(problems, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(problems, "\n"), want)
	}
	good["arkiv/index.html"] = link("/2016/")
	good["tal/x/index.html"], good["tal/index.html"] = link("/tal/x/y/"), link("/tal/x/")
	good["tal/x/y/index.html"] = nil
	problems, _ = good.ClickProblems()
	got := strings.Join(problems, "\n")
	for _, want := range []string{"2017/index.html is more than one click from index.html and arkiv/index.html", "tal/x/y/index.html is more than two clicks from the front page"} {
		if !strings.Contains(got, want) {
			t.Errorf("missed %q in\n%s", want, got)
		}
	}
}

// TestSample: of a kind with more pages than the sample takes, it picks
// the largest, the one with the longest heading, the first and the last;
// a small kind comes whole, each language's pages are a kind of their own,
// and what it picks is sorted and the same every time.
func TestSample(t *testing.T) {
	page := func(kind, h1 string, size int) []byte {
		return []byte(`<body class="` + kind + `"><main><h1>` + h1 + `</h1>` + strings.Repeat("x", size) + `</main>`)
	}
	s := Site{"index.html": page("page-home", "Forside", 10), "en/index.html": page("page-home", "Home", 10)}
	for i := range 20 {
		p := fmt.Sprintf("tal/m%02d/index.html", i)
		s[p] = page("page-metric", "Tal", 100)
		s["en/"+p] = page("page-metric", "Figure", 100)
	}
	s["tal/m07/index.html"] = page("page-metric", "Tal", 5000)                                // the largest
	s["tal/m11/index.html"] = page("page-metric", "Et tal med en meget lang overskrift", 100) // the longest heading
	s["arkiv/index.html"] = page("page-archive", "Arkiv", 10)
	s["2016/x/index.html"] = []byte("<body><h1>Uden klasse</h1>")
	got := s.Sample(5)
	for _, want := range []string{"index.html", "en/index.html", "arkiv/index.html", "2016/x/index.html",
		"tal/m07/index.html", "tal/m11/index.html", "tal/m00/index.html", "tal/m19/index.html", "en/tal/m00/index.html", "en/tal/m19/index.html"} {
		if !slices.Contains(got, want) {
			t.Errorf("the sample leaves out %s: %v", want, got)
		}
	}
	for _, prefix := range []string{"tal/", "en/tal/"} {
		n := 0
		for _, p := range got {
			if strings.HasPrefix(p, prefix) {
				n++
			}
		}
		if n != 5 {
			t.Errorf("%d pages of %s in the sample, want 5: %v", n, prefix, got)
		}
	}
	if !slices.IsSorted(got) {
		t.Errorf("the sample is not sorted: %v", got)
	}
	for range 5 {
		if again := s.Sample(5); !slices.Equal(again, got) {
			t.Fatalf("the sample differs between runs:\n%v\n%v", got, again)
		}
	}
}
