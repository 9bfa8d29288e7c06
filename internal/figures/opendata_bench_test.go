package figures_test

import (
	"os"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
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
	fsys := os.DirFS(root)
	var problems diag.List
	d := data.Load(fsys, &problems)
	langs := lang.Load(fsys, &problems)
	if problems.HasErrors() || len(langs) < 2 {
		b.Fatal(problems.Err())
	}
	o := figures.OpenDataOptions{Danish: d.In(langs[0], &problems), English: d.In(langs[1], &problems), Lang: langs[0]}
	b.ReportAllocs()
	for b.Loop() {
		figures.NewOpenData(o)
	}
}
