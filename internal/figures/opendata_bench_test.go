package figures_test

import (
	"os"
	"testing"

	"report/internal/figures"
	"report/internal/sitetest"
)

// BenchmarkOpenData makes the open data of the shipped site (or of the
// site in $REPORT_BENCH_SITE) in Danish: a CSV, a JSON and the data
// package, whose size grows with every edition.
func BenchmarkOpenData(b *testing.B) {
	root := sitetest.Root
	if dir := os.Getenv("REPORT_BENCH_SITE"); dir != "" {
		root = dir
	}
	var o figures.OpenDataOptions
	withData(b, os.DirFS(root), &o)
	b.ReportAllocs()
	for b.Loop() {
		figures.NewOpenData(o)
	}
}
