package sitecheck

import (
	"os"
	"strings"
	"testing"

	"report/internal/pipeline"
)

// Budget for every page of the report: the HTML alone, and with everything
// it loads.
var pageBudget = Budget{HTML: 100 << 10, Total: 300 << 10}

// shipped builds the report in the repository under a sub-path.
func shipped(t *testing.T, basePath string) Site {
	t.Helper()
	res, err := pipeline.Run(os.DirFS("../.."), pipeline.Options{BaseURL: basePath})
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

// TestTwoClicks walks the links from the site's front page: every chapter,
// case story and cluster page is at most two clicks away, and so is every
// English page from the English front page.
func TestTwoClicks(t *testing.T) {
	s := shipped(t, "/")
	depth := map[string]int{"index.html": 0, "en/index.html": 0}
	frontier := []string{"index.html", "en/index.html"}
	for d := 1; d <= 2; d++ {
		var next []string
		for _, p := range frontier {
			for _, ref := range s.Refs(p) {
				target, _, internal := Resolve(p, ref, "/")
				if _, seen := depth[target]; internal && !seen && strings.HasSuffix(target, ".html") {
					depth[target] = d
					next = append(next, target)
				}
			}
		}
		frontier = next
	}
	for _, p := range s.Pages() {
		if _, ok := depth[p]; !ok && p != "404.html" {
			t.Errorf("%s is more than two clicks from the front page", p)
		}
	}
}
