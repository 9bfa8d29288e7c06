package pipeline

import (
	"path/filepath"
	"strconv"
	"testing"

	"report/internal/diskfs"
	"report/internal/synthsite"
)

// syntheticSite writes a synthetic site of n case stories once per test
// binary run, under the benchmark's temporary folder.
func syntheticSite(b *testing.B, n int, layouts string) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site-"+strconv.Itoa(n))
	if err := synthsite.WriteReport(dir, layouts, synthsite.Defaults(n)); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchmarkSynthetic(b *testing.B, n int, layouts string) {
	fsys := diskfs.Dir(syntheticSite(b, n, layouts))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Run(fsys, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/page")
}

// BenchmarkSynthetic1000 loads, checks and renders 1,000 case stories with
// minimal templates, the work the Hugo comparison times.
func BenchmarkSynthetic1000(b *testing.B) { benchmarkSynthetic(b, 1000, "") }

// BenchmarkSynthetic10000 does the same for 10,000.
func BenchmarkSynthetic10000(b *testing.B) { benchmarkSynthetic(b, 10000, "") }

// BenchmarkSynthetic1000FullDesign renders the 1,000 stories with the
// report's own layouts: navigation, breadcrumbs, link previews.
func BenchmarkSynthetic1000FullDesign(b *testing.B) { benchmarkSynthetic(b, 1000, repoRoot) }

// BenchmarkRealistic1000 builds the shipped site with its design, data and
// charts and 1,000 generated stories added to its edition (gensite
// -realistic): the site an editor's years grow towards, and the one
// make bench compares with Hugo.
func BenchmarkRealistic1000(b *testing.B) { benchmarkRealistic(b, 1000) }

// BenchmarkRealistic10000 does the same with 10,000 stories.
func BenchmarkRealistic10000(b *testing.B) { benchmarkRealistic(b, 10000) }

func benchmarkRealistic(b *testing.B, n int) {
	dir := filepath.Join(b.TempDir(), "realistic-"+strconv.Itoa(n))
	o := synthsite.Defaults(n)
	o.Editions = 1
	if err := synthsite.WriteRealistic(dir, repoRoot, o); err != nil {
		b.Fatal(err)
	}
	fsys := diskfs.Dir(dir)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Run(fsys, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/page")
}

// BenchmarkStages times the stages of a synthetic build on their own, at
// 1,000 and 10,000 pages: loading (data, front matter, Markdown converted,
// charts drawn), rendering every page with the templates, and writing the
// tree. The Markdown converter and the charts have their own benchmarks in
// internal/markdown and internal/chart.
func BenchmarkStages(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("pages="+strconv.Itoa(n), func(b *testing.B) { benchmarkStages(b, n) })
	}
}

func benchmarkStages(b *testing.B, n int) {
	fsys := diskfs.Dir(syntheticSite(b, n, ""))
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := Prepare(fsys, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	plan, _, err := Prepare(fsys, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			if _, err := plan.RenderAll(); err != nil {
				b.Fatal(err)
			}
		}
	})
	out, _ := plan.RenderAll()
	dir := filepath.Join(b.TempDir(), "public")
	b.Run("write", func(b *testing.B) {
		for b.Loop() {
			if err := write(out, dir); err != nil {
				b.Fatal(err)
			}
		}
	})
}
