package chart

import "testing"

// BenchmarkRender draws one chart, the bar chart of turnover.
func BenchmarkRender(b *testing.B) {
	s := samples()[1]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReport draws 12 charts like the report's: the first six
// samples, wide and narrow.
func BenchmarkReport(b *testing.B) {
	specs := variants()[:12]
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range specs {
			if _, err := Render(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}
