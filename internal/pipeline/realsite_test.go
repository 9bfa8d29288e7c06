package pipeline

import (
	"bytes"
	"html"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/render"
	"report/internal/sitetest"
)

// shippedData loads the shipped site's data, for tests that must hold for
// whatever editions it has.
func shippedData(t testing.TB) *data.Data {
	t.Helper()
	var problems diag.List
	d := data.Load(sitetest.ShippedFS(), &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

// pageEdition is the edition a built page belongs to: the one its path
// starts with (2016/…, en/2016/…), or, for the pages of the whole site,
// the latest, whose front page, navigation and share image they show.
func pageEdition(d *data.Data, path string) *data.Edition {
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "en/"), "/")
	if y, err := strconv.Atoi(first); err == nil && d.Edition(y) != nil {
		return d.Edition(y)
	}
	return d.Latest()
}

// buildRealSite builds the shipped site: the report in the repository, or
// the site sitetest.Shipped names.
func buildRealSite(t testing.TB, opts Options) render.Output {
	t.Helper()
	res, err := Run(sitetest.ShippedFS(), opts)
	if err != nil {
		t.Fatalf("the shipped site does not build:\n%v", err)
	}
	return res.Output
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

// knownWarnings are the places where the printed 2016 report disagrees with
// itself, as file and message (lines move as the text is edited). An editor
// has looked at each; the page carries an editor's note.
var knownWarnings = []string{
	"content/2016/hvad-laver-de.md: the text prints 104 where data/years/2015.toml:33 gives internationale-samarbejder = 711; the page shows 104 with an editor's note (its English translation too, at line 59)",
}

// TestRealSiteWarnings keeps the 2016 edition free of new inconsistencies:
// the build's warnings about its files (its pages, its edition's file and
// the figures of 2012–2015) must be exactly the known ones. Warnings about
// a later edition are its editors' to answer; `report check` shows them.
func TestRealSiteWarnings(t *testing.T) {
	res, err := Run(sitetest.ShippedFS(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	of2016 := regexp.MustCompile(`^(content/2016/|data/editions/2016\.toml|data/years/201[2-5]\.toml)`)
	var got []string
	for _, w := range res.Warnings {
		if of2016.MatchString(w.Path) {
			got = append(got, w.Path+": "+w.Msg)
		}
	}
	if strings.Join(got, "\n") != strings.Join(knownWarnings, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(knownWarnings, "\n"))
	}
}

// pageTitle matches a page's <title>.
var pageTitle = regexp.MustCompile(`<title>([^<]*)</title>`)

// TestRealSiteTitles gives every page a title of its own (WCAG 2.4.2): no
// two pages share one, and none repeats itself, as "Performanceregnskab
// 2016 – Performanceregnskab 2016" once did.
func TestRealSiteTitles(t *testing.T) {
	seen := map[string]string{}
	for _, f := range buildRealSite(t, Options{}) {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		m := pageTitle.FindSubmatch(f.Data)
		if m == nil {
			t.Errorf("%s has no title", f.Path)
			continue
		}
		title := html.UnescapeString(string(m[1]))
		if other, dup := seen[title]; dup {
			t.Errorf("%s and %s are both titled %q", other, f.Path, title)
		}
		seen[title] = f.Path
		parts := strings.Split(title, " – ")
		for i := 1; i < len(parts); i++ {
			if parts[i] == parts[i-1] {
				t.Errorf("%s: title %q repeats %q", f.Path, title, parts[i])
			}
		}
	}
}
