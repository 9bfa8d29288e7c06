package markdown

import (
	"testing"

	"report/internal/diag"
	"report/internal/testsite"
)

// BenchmarkConvert parses and renders the bodies of synthetic case stories
// (paragraphs, a quote, a list and a table), one per iteration.
func BenchmarkConvert(b *testing.B) {
	c := converter(b, "/")
	bodies := testsite.Bodies(1000, 2016)
	i := 0
	for b.Loop() {
		var problems diag.List
		c.Convert(Page{Path: "x.md", Edition: 2016, FirstLine: 1}, []byte(bodies[i%len(bodies)]), &problems)
		i++
	}
}
