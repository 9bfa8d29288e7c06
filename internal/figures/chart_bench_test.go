package figures_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"report/internal/chart"
	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/sitetest"
)

// chartBlock is a chart block of a page: its body, between the fences.
var chartBlock = regexp.MustCompile("(?s)```chart\n(.*?)```")

// BenchmarkEditionCharts draws every chart of the shipped 2016 edition from
// its TOML to its SVG, with nothing cached: the chapters' chart blocks and
// each metric's history for its own page.
func BenchmarkEditionCharts(b *testing.B) {
	var problems diag.List
	d := data.Load(sitetest.ShippedFS(), &problems)
	langs := lang.Load(sitetest.ShippedFS(), &problems)
	if err := problems.Err(); err != nil {
		b.Fatal(err)
	}
	d = d.In(langs[0], &problems) // the Danish site's words
	pages, _ := filepath.Glob("../../content/2016/*.md")
	var blocks [][]byte
	for _, page := range pages {
		if strings.HasSuffix(page, ".en.md") {
			continue // the Danish edition's charts; the English draw the same in other words
		}
		src, err := os.ReadFile(page)
		if err != nil {
			b.Fatal(err)
		}
		for _, m := range chartBlock.FindAllSubmatch(src, -1) {
			blocks = append(blocks, m[1])
		}
	}
	lang := figures.New(figures.Options{Data: d})
	page := &markdown.Context{Path: "content/2016/x.md", Edition: 2016, Problems: &problems,
		Unique: func(base string) string { return base }}
	drawAll := func() (charts int) {
		chart.ForgetDrawn()
		for _, body := range blocks {
			if html, _ := lang.Block(page, "chart", body, 1, markdown.Position{Line: 1, Col: 1}); html != "" {
				charts++
			}
		}
		for _, m := range d.Metrics {
			fig, err := figures.History(d, m.ID)
			if err != nil {
				b.Fatal(err)
			}
			if fig != nil {
				charts++
			}
		}
		return charts
	}
	charts := drawAll()
	if err := problems.Err(); err != nil || len(blocks) < 10 {
		b.Fatalf("%d chart blocks, %v", len(blocks), err)
	}
	b.ReportAllocs()
	for b.Loop() {
		drawAll()
	}
	b.ReportMetric(float64(charts), "charts")
}
