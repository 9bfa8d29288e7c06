package shipped_test

// What holds for the whole shipped site, whatever editions it has: it
// builds the same on one thread as on several, every page has a title of
// its own, and a reader's browser finds every link, no script it did not
// ask for, and every page within two clicks.

import (
	"bytes"
	"html"
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"report/internal/nextedition"
	"report/internal/pipeline"
	"report/internal/sitecheck"
)

// TestRealSiteDeterministic builds the shipped site with one thread and with
// several, and compares every byte.
func TestRealSiteDeterministic(t *testing.T) {
	old := runtime.GOMAXPROCS(1)
	one := buildAgain(t, pipeline.Options{})
	runtime.GOMAXPROCS(max(4, old))
	many := buildAgain(t, pipeline.Options{})
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

// pageTitle matches a page's <title>.
var pageTitle = regexp.MustCompile(`<title>([^<]*)</title>`)

// TestRealSiteTitles gives every page a title of its own (WCAG 2.4.2): no
// two pages share one, and none repeats itself, as "Performanceregnskab
// 2016 – Performanceregnskab 2016" once did.
func TestRealSiteTitles(t *testing.T) {
	seen := map[string]string{}
	for _, f := range shippedSite(t, pipeline.Options{}).Output {
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

// TestShippedSite follows every link of the shipped site, weighs its pages
// and looks for script that could run.
func TestShippedSite(t *testing.T) {
	s := shippedSite(t, pipeline.Options{BaseURL: "/rapport/"}).Site
	problems, weights := s.Problems("/rapport/")
	for _, p := range problems {
		t.Error(p)
	}
	for _, w := range weights[:min(5, len(weights))] {
		t.Logf("heaviest: %-60s %6d B HTML, %7d B with what it loads", w.Page, w.HTML, w.Total)
	}
}

// TestTwoClicks walks the links of the shipped site: every page of an
// edition (its chapters, case stories and clusters) is at most two clicks
// from that edition's front page, every edition's front page is one click
// from the site's front page or its archive, and every other page is at
// most two clicks from the front page; the same holds for the English
// pages from the English front page (sitecheck's ClickProblems).
func TestTwoClicks(t *testing.T) {
	problems, _ := shippedSite(t, pipeline.Options{BaseURL: "/"}).Site.ClickProblems()
	for _, p := range problems {
		t.Error(p)
	}
}

// TestTwoClicksThreeEditions holds the navigation to the same rule with
// two more editions added to the shipped site, as editors add them.
func TestTwoClicksThreeEditions(t *testing.T) {
	root := shippedCopy(t)
	for range 2 {
		if _, err := nextedition.Add(root, 0); err != nil {
			t.Fatal(err)
		}
	}
	res, err := pipeline.Run(os.DirFS(root), pipeline.Options{BaseURL: "/"})
	if err != nil {
		t.Fatalf("the site with two more editions does not build:\n%v", err)
	}
	s := sitecheck.Site{}
	for _, f := range res.Output {
		s[f.Path] = f.Data
	}
	problems, editions := s.ClickProblems()
	for _, p := range problems {
		t.Error(p)
	}
	if editions < 3 {
		t.Errorf("the site has %d editions, want at least 3", editions)
	}
}
