package build

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"report/internal/render"
)

// buildRealSite builds the report in the repository, the 2016 edition.
func buildRealSite(t testing.TB, opts Options) render.Output {
	t.Helper()
	res, err := Run(os.DirFS(repoRoot), opts)
	if err != nil {
		t.Fatalf("the shipped site does not build:\n%v", err)
	}
	return res.Output
}

var (
	linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(` id="([^"]*)"`)
)

// TestRealSiteLinks crawls every page of the shipped site and follows every
// internal link and asset reference, anchors included.
func TestRealSiteLinks(t *testing.T) {
	out := buildRealSite(t, Options{BaseURL: "https://example.org/rapport/"})
	pages := map[string][]byte{}
	for _, f := range out {
		pages[f.Path] = f.Data
	}
	ids := map[string]map[string]bool{}
	for p, b := range pages {
		if strings.HasSuffix(p, ".html") {
			ids[p] = map[string]bool{}
			for _, m := range idAttr.FindAllSubmatch(b, -1) {
				ids[p][string(m[1])] = true
			}
		}
	}
	checked := 0
	for p, b := range pages {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllSubmatch(b, -1) {
			target, fragment, internal := resolve(p, string(m[1]))
			if !internal {
				continue
			}
			checked++
			if _, ok := pages[target]; !ok {
				t.Errorf("%s links to %q: no such file (%s)", p, m[1], target)
				continue
			}
			if fragment != "" && !ids[target][fragment] {
				t.Errorf("%s links to %q: %s has no id %q", p, m[1], target, fragment)
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d internal links checked; the crawler is not finding them", checked)
	}
}

// resolve maps a link on the page at from to a file of the output.
func resolve(from, link string) (file, fragment string, internal bool) {
	u, err := url.Parse(strings.ReplaceAll(link, "&amp;", "&"))
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", false
	}
	p := u.Path
	switch {
	case p == "":
		p = "/" + from
	case strings.HasPrefix(p, "/rapport/"):
		p = strings.TrimPrefix(p, "/rapport")
	case strings.HasPrefix(p, "/"):
		return "outside-the-base-path" + p, "", true
	default:
		p = path.Join("/", path.Dir(from), p)
	}
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return strings.TrimPrefix(p, "/"), u.Fragment, true
}

// TestRealSiteDeterministic builds the shipped site with one thread and with
// several, and compares every byte.
func TestRealSiteDeterministic(t *testing.T) {
	old := runtime.GOMAXPROCS(1)
	one := buildRealSite(t, Options{})
	runtime.GOMAXPROCS(max(4, old))
	many := buildRealSite(t, Options{})
	runtime.GOMAXPROCS(old)
	if len(one) != len(many) {
		t.Fatalf("%d files with one thread, %d with several", len(one), len(many))
	}
	for i := range one {
		if one[i].Path != many[i].Path || !bytes.Equal(one[i].Data, many[i].Data) {
			t.Errorf("%s differs between GOMAXPROCS=1 and GOMAXPROCS=%d", one[i].Path, max(4, old))
		}
	}
}

// TestRealSiteWarnings keeps the shipped data free of new
// inconsistencies: every warning the build gives must be one an editor has
// looked at.
func TestRealSiteWarnings(t *testing.T) {
	res, err := Run(os.DirFS(repoRoot), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		t.Errorf("unexpected warning: %v", w)
	}
}
