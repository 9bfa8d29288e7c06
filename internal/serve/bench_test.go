package serve

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"report/internal/diskfs"
	"report/internal/pipeline"
	"report/internal/sitetest"
	"report/internal/synthsite"
)

// benchmarkEdit times the preview's rebuild after an editor saves one case
// story: the edit, the rebuild, and rendering the edited page.
func benchmarkEdit(b *testing.B, root, story, page string) {
	s := New(diskfs.Dir(root), pipeline.Options{}, io.Discard)
	if !s.Rebuild() {
		b.Fatal("the site does not build")
	}
	path := filepath.Join(root, story)
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(path, append(orig, []byte("\nRettelse "+strconv.Itoa(i)+".\n")...), 0o644); err != nil {
			b.Fatal(err)
		}
		if !s.Rebuild() {
			b.Fatal("rebuild failed")
		}
		if _, ok, err := s.plan.File(page); !ok || err != nil {
			b.Fatal(page, err)
		}
	}
}

// BenchmarkEditCaseStory2016 edits a case story of the shipped edition.
func BenchmarkEditCaseStory2016(b *testing.B) {
	root := b.TempDir()
	if err := sitetest.WriteReal(root); err != nil {
		b.Fatal(err)
	}
	benchmarkEdit(b, root, "content/2016/cases/konkurrenter-brander-sig-sammen.md", "2016/cases/konkurrenter-brander-sig-sammen/index.html")
}

// BenchmarkEditCaseStory10000 edits one of 10,000 synthetic case stories.
func BenchmarkEditCaseStory10000(b *testing.B) {
	root := b.TempDir()
	if err := synthsite.WriteReport(root, "", synthsite.Defaults(10000)); err != nil {
		b.Fatal(err)
	}
	benchmarkEdit(b, root, "content/2016/cases/case-00005.md", "2016/cases/case-00005/index.html")
}
