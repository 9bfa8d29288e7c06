package sitecheck

import (
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"report/internal/nextedition"

	"report/internal/pipeline"
	"report/internal/sitetest"
)

// Budget for every page of the report: the HTML alone, and with everything
// it loads.
var pageBudget = Budget{HTML: 100 << 10, Total: 300 << 10}

// shipped builds the report in the repository under a sub-path.
func shipped(t *testing.T, basePath string) Site {
	t.Helper()
	res, err := pipeline.Run(sitetest.ShippedFS(), pipeline.Options{BaseURL: basePath})
	if err != nil {
		t.Fatalf("the shipped site does not build:\n%v", err)
	}
	s := Site{}
	for _, f := range res.Output {
		s[f.Path] = f.Data
	}
	return s
}

// TestShippedSite follows every link of the shipped site, weighs its pages
// and looks for script that could run.
func TestShippedSite(t *testing.T) {
	s := shipped(t, "/rapport/")
	for _, b := range s.BrokenLinks("/rapport/") {
		t.Error(b)
	}
	for _, p := range s.ScriptProblems() {
		t.Error(p)
	}
	for _, p := range s.Essentials() {
		t.Error(p)
	}
	for _, p := range s.HeaderProblems("/rapport/") {
		t.Error(p)
	}
	weights := s.Weigh("/rapport/")
	for _, o := range OverBudget(weights, pageBudget) {
		t.Error(o)
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
// pages from the English front page.
func TestTwoClicks(t *testing.T) {
	checkClicks(t, shipped(t, "/"))
}

// TestTwoClicksThreeEditions holds the navigation to the same rule with
// two more editions added to the shipped site, as editors add them.
func TestTwoClicksThreeEditions(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	if err := sitetest.WriteReal(root); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := nextedition.Add(root, 0); err != nil {
			t.Fatal(err)
		}
	}
	res, err := pipeline.Run(os.DirFS(root), pipeline.Options{BaseURL: "/"})
	if err != nil {
		t.Fatalf("the site with two more editions does not build:\n%v", err)
	}
	s := Site{}
	for _, f := range res.Output {
		s[f.Path] = f.Data
	}
	if editions := checkClicks(t, s); editions < 3 {
		t.Errorf("the site has %d editions, want at least 3", editions)
	}
}

// editionFront matches an edition's front page, in either language.
var editionFront = regexp.MustCompile(`^(en/)?(\d{4})/index\.html$`)

// checkClicks holds a built site to TestTwoClicks's rule and returns how
// many editions it has.
func checkClicks(t *testing.T, s Site) int {
	t.Helper()
	editions := 0
	for _, front := range s.Pages() {
		m := editionFront.FindStringSubmatch(front)
		if m == nil {
			continue
		}
		if m[1] == "" {
			editions++
		}
		home, archive := m[1]+"index.html", m[1]+"arkiv/index.html"
		if !within(s, home, 1)[front] && !within(s, archive, 1)[front] {
			t.Errorf("%s is more than one click from %s and %s", front, home, archive)
		}
		near := within(s, front, 2)
		for _, p := range s.Pages() {
			if strings.HasPrefix(p, m[1]+m[2]+"/") && !near[p] {
				t.Errorf("%s is more than two clicks from its edition's front page, %s", p, front)
			}
		}
	}
	near := map[string]bool{}
	for _, home := range []string{"index.html", "en/index.html"} {
		maps.Copy(near, within(s, home, 2))
	}
	for _, p := range s.Pages() {
		if !inEditionPath.MatchString(p) && !near[p] && path.Base(p) != "404.html" {
			t.Errorf("%s is more than two clicks from the front page", p)
		}
	}
	return editions
}

var inEditionPath = regexp.MustCompile(`^(en/)?\d{4}/`)

// within is the set of pages at most n clicks from the page start.
func within(s Site, start string, n int) map[string]bool {
	seen := map[string]bool{start: true}
	frontier := []string{start}
	for range n {
		var next []string
		for _, p := range frontier {
			for _, ref := range s.Refs(p) {
				target, _, internal := Resolve(p, ref, "/")
				if internal && !seen[target] && strings.HasSuffix(target, ".html") {
					seen[target] = true
					next = append(next, target)
				}
			}
		}
		frontier = next
	}
	return seen
}
