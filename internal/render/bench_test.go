package render_test

import (
	"strings"
	"testing"

	"report/internal/diskfs"
	"report/internal/sitetest"
)

// BenchmarkRenderPage renders a case story, a chapter and a metric's page
// of the shipped site: the templates' work for one page of each kind a
// site has most of.
func BenchmarkRenderPage(b *testing.B) {
	p, err := tryPlan(diskfs.Dir(sitetest.Shipped()))
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range []string{"case", "chapter", "metric"} {
		path := ""
		for _, q := range p.Paths() {
			if d, _, ok := p.Page(q); ok && d.Kind == kind && !strings.HasPrefix(q, "en/") {
				path = q
				break
			}
		}
		if path == "" {
			b.Fatalf("the shipped site has no %s page", kind)
		}
		b.Run(kind, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := p.File(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
