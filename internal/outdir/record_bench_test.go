package outdir

import (
	"fmt"
	"path/filepath"
	"testing"
)

// siteTree is the tree of a site of n story folders, each stamped.
func siteTree(n int) *tree {
	cases := &tree{stamp: folderStamp{Ino: 2, Ctime: 1}, files: []string{"index.html"}}
	for i := range n {
		story := &tree{stamp: folderStamp{Ino: uint64(10 + i), Ctime: 1_700_000_000_000_000_000 + int64(i)}, files: []string{"index.html"}}
		cases.dirs = append(cases.dirs, subtree{fmt.Sprintf("case-%05d", i), story})
	}
	year := &tree{stamp: folderStamp{Ino: 1, Ctime: 1}, files: []string{"index.html"}, dirs: []subtree{{"cases", cases}}}
	return &tree{files: []string{"index.html", "404.html"}, dirs: []subtree{{"2016", year}}, began: 1_750_000_000_000_000_000}
}

// BenchmarkRecord writes and reads the record of a site of 10,000 story
// folders, as a rebuild writes two (the output's and the kept site's) and
// reads them back in the next.
func BenchmarkRecord(b *testing.B) {
	t := siteTree(10000)
	p := filepath.Join(b.TempDir(), ".public.tree")
	b.Run("write", func(b *testing.B) {
		for b.Loop() {
			if err := writeStampedTree(p, b.TempDir(), t); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if readRecord(p) == nil {
				b.Fatal("not read")
			}
		}
	})
}
