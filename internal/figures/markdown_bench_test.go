package figures_test

import (
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/markdown"
	"report/internal/synthsite"
)

// BenchmarkConvert parses and renders the bodies of synthetic case stories
// (paragraphs, a quote, a list and a table), one per iteration.
func BenchmarkConvert(b *testing.B) {
	c := converter(b, "/")
	bodies := synthsite.Bodies(1000, 2016)
	i := 0
	for b.Loop() {
		var problems diag.List
		c.Convert(markdown.Page{Path: "x.md", Edition: 2016, FirstLine: 1}, []byte(bodies[i%len(bodies)]), &problems)
		i++
	}
}

// BenchmarkWorstCase converts the shapes that cost goldmark the most per
// byte, each as large as the limits let it be: the time per byte it reports
// (ns/B) bounds what any page can cost.
func BenchmarkWorstCase(b *testing.B) {
	c := converter(b, "/")
	line := func(s string) string { return strings.Repeat(s, markdown.MaxLineBytes/len(s)) }
	run := func(s string) string { return strings.Repeat(strings.Repeat(s, markdown.MaxRunBytes/len(s))+"\n", 8) }
	for _, tc := range []struct{ name, src string }{
		{"links-in-a-line", strings.Repeat(line("[a](")+"\n\n", 40)},
		{"links-in-a-paragraph", run("[a](\n")},
		{"references-in-a-paragraph", run("{{ a\n")},
		{"references-in-a-line", strings.Repeat(line("{{")+"\n", 20)},
		{"brackets-in-a-paragraph", run("[[[[[[[[[[\n")},
		{"nested-lists", run(strings.Repeat("- ", markdown.MaxNesting) + "x\n")},
		{"nested-quotes", run(strings.Repeat("> ", markdown.MaxNesting) + "x\n")},
		{"wide-table", "|" + line("a|") + "\n|" + line("-|") + "\n" + strings.Repeat("|"+line("a|")+"\n", 20)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.src)))
			for b.Loop() {
				var problems diag.List
				c.Convert(markdown.Page{Path: "x.md", Edition: 2016, FirstLine: 1}, []byte(tc.src), &problems)
			}
		})
	}
}
