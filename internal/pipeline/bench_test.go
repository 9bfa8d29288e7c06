package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"report/internal/diskfs"
	"report/internal/sitetest"
	"report/internal/synthsite"
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

// BenchmarkRebuild is a second `report build` of the shipped site into
// the folder the first wrote, with nothing changed: what it reuses of the
// last build (Options.Reuse) is most of it.
func BenchmarkRebuild(b *testing.B) { benchmarkRebuild(b, realSiteCopy(b), false) }

// BenchmarkRebuildEdited is that rebuild after one case story was edited.
func BenchmarkRebuildEdited(b *testing.B) { benchmarkRebuild(b, realSiteCopy(b), true) }

// BenchmarkRebuildEdited10000 is that rebuild of the realistic site of
// 10,000 stories (gensite -realistic), the edit the Hugo comparison times.
// Its B/op is the fresh memory such a rebuild touches, which on a virtual
// machine costs more than its work (docs/speed.md).
func BenchmarkRebuildEdited10000(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "realistic")
	o := synthsite.Defaults(10000)
	o.Editions = 1
	if err := synthsite.WriteRealistic(dir, repoRoot, o); err != nil {
		b.Fatal(err)
	}
	benchmarkRebuild(b, dir, true)
}

// realSiteCopy is a copy of the shipped site that a benchmark may edit.
func realSiteCopy(b *testing.B) string {
	dir := filepath.Join(b.TempDir(), "site")
	if err := os.CopyFS(dir, sitetest.RealFS(b)); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchmarkRebuild(b *testing.B, dir string, edit bool) {
	story, err := filepath.Glob(filepath.Join(dir, "content", "*", "cases", "*.md"))
	if err != nil || len(story) == 0 {
		b.Fatalf("no case story to edit: %v", err)
	}
	out := filepath.Join(b.TempDir(), "public")
	build := func() {
		if _, _, err := Publish(context.Background(), diskfs.Dir(dir), rebuildOptions, out); err != nil {
			b.Fatal(err)
		}
	}
	build()
	build()
	i := 0
	for b.Loop() {
		if edit {
			b.StopTimer()
			f, err := os.OpenFile(story[0], os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				b.Fatal(err)
			}
			fmt.Fprintf(f, "\nEn sætning mere, nummer %d.\n", i)
			f.Close()
			i++
			b.StartTimer()
		}
		build()
	}
}

// rebuildOptions reuse what the last build kept.
var rebuildOptions = Options{Reuse: true}
