package pipeline

import (
	"testing"

	"report/internal/diskfs"
)

// BenchmarkRealSite builds the shipped 2016 edition in memory: load, check
// and render, without writing.
func BenchmarkRealSite(b *testing.B) {
	fsys := diskfs.Dir(repoRoot)
	for b.Loop() {
		if _, err := Run(fsys, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRealSiteWrite adds writing the tree to disk.
func BenchmarkRealSiteWrite(b *testing.B) {
	fsys := diskfs.Dir(repoRoot)
	dir := b.TempDir()
	for b.Loop() {
		res, err := Run(fsys, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := write(res.Output, dir+"/public"); err != nil {
			b.Fatal(err)
		}
	}
}
