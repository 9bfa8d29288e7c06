//go:build sitecheck

package chart

import (
	"flag"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
)

var builtSite = flag.String("site", "", "the built site whose charts to read (make check-site gives it)")

var inlineSVG = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)

// TestBuiltChartsClearOfLines reads every chart of a built site, each
// page's and each language's, as TestLabelsClearOfLines reads the samples:
// no label across an axis line, none struck by a grid line.
func TestBuiltChartsClearOfLines(t *testing.T) {
	if *builtSite == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	charts := 0
	err := fs.WalkDir(os.DirFS(*builtSite), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		page, err := fs.ReadFile(os.DirFS(*builtSite), p)
		if err != nil {
			return err
		}
		for _, svg := range inlineSVG.FindAllString(string(page), -1) {
			if !strings.Contains(svg, `class="chart__svg"`) && !strings.Contains(svg, "<text ") {
				continue // an icon or a sparkline, which has no labels
			}
			charts++
			for _, problem := range labelProblems(svg) {
				t.Errorf("%s: %s", p, problem)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if charts == 0 {
		t.Fatal("no chart found in the site")
	}
	t.Logf("%d charts read", charts)
}
