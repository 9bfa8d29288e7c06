package outdir

// Folders are stamped on Linux only (see walk_linux.go); elsewhere the
// kept site is always walked, as TestRecycle checks.

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStampedKeptSite: the kept site's check takes each folder below its
// top on trust while it has the inode and change time the walk of the
// output found, and that time was not too close to the walk; a file added
// in a folder, or at the top, or a folder swapped for another, is read
// and refused.
func TestStampedKeptSite(t *testing.T) {
	build := func(t *testing.T) (out, prev, treeFile string) {
		out = filepath.Join(t.TempDir(), "public")
		recycleBuild(t, out, sitePaths, "1")
		recycleBuild(t, out, sitePaths, "2")
		return out, filepath.Join(filepath.Dir(out), ".public.prev"), filepath.Join(filepath.Dir(out), ".public.prev.tree")
	}
	check := func(t *testing.T, out string) prevWalk {
		o, err := Open(context.Background(), out)
		if err != nil {
			t.Fatal(err)
		}
		defer o.Close()
		return o.walkPrev()
	}
	// ghost makes the record say that 2016/tal holds a file it does not:
	// a check that takes the folder on trust finds it, and refuses it as
	// not on the list.
	ghost := func(t *testing.T, treeFile, prev string) {
		rec := readRecord(treeFile)
		if rec == nil {
			t.Fatal("no record of the kept site")
		}
		tal := rec.tree.folders()["2016"].folders()["tal"]
		tal.files = append(tal.files, "ghost.html")
		rec.tree.began = rec.began
		if err := writeStampedTree(treeFile, prev, rec.tree); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("a change too close to the walk", func(t *testing.T) {
		out, prev, treeFile := build(t)
		// The folders were made a moment before the walk: a later change
		// within the same tick could keep their time.
		windowOf = func(string) int64 { return 3600e9 }
		defer func() { windowOf = timeWindow }()
		ghost(t, treeFile, prev)
		if w := check(t, out); w.err != nil {
			t.Errorf("trusted folder times within the window: %v", w.err)
		}
	})
	windowOf = func(string) int64 { return 1 }
	defer func() { windowOf = timeWindow }()
	t.Run("taken on trust", func(t *testing.T) {
		out, prev, treeFile := build(t)
		ghost(t, treeFile, prev)
		if w := check(t, out); w.err == nil || !strings.Contains(w.err.Error(), "2016/tal/ghost.html") {
			t.Errorf("the folder was read again, or its record not believed: %v", w.err)
		}
	})
	t.Run("unchanged", func(t *testing.T) {
		out, _, _ := build(t)
		w := check(t, out)
		if w.err != nil {
			t.Fatal(w.err)
		}
		var files []string
		var visit func(rel string, t *tree)
		visit = func(rel string, t *tree) {
			for _, f := range t.files {
				files = append(files, below(rel, f))
			}
			for _, d := range t.dirs {
				visit(below(rel, d.name), d.tree)
			}
		}
		visit(".", w.tree)
		slices.Sort(files)
		if want := slices.Sorted(slices.Values(sitePaths)); !slices.Equal(files, want) {
			t.Errorf("tree holds %q, want %q", files, want)
		}
	})
	for _, tamper := range []struct{ name, file string }{
		{"a file added in a folder", "2016/tal/noter.txt"},
		{"a file added at the top", "noter.txt"},
	} {
		t.Run(tamper.name, func(t *testing.T) {
			out, prev, _ := build(t)
			if err := os.WriteFile(filepath.Join(prev, filepath.FromSlash(tamper.file)), []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
			if w := check(t, out); w.err == nil {
				t.Error("took a kept site that holds a file more")
			}
		})
	}
	t.Run("a folder swapped for another", func(t *testing.T) {
		out, prev, _ := build(t)
		tal := filepath.Join(prev, "2016", "tal")
		if err := os.Rename(tal, tal+".x"); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(tal, 0o755); err != nil {
			t.Fatal(err)
		}
		if w := check(t, out); w.err == nil {
			t.Error("took a kept site with a folder swapped")
		}
	})
	t.Run("end to end", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		prev := filepath.Join(filepath.Dir(out), ".public.prev")
		recycleBuild(t, out, sitePaths, "1")
		recycleBuild(t, out, sitePaths, "2")
		if err := os.WriteFile(filepath.Join(prev, "2016", "noter.txt"), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		if held := recycleBuild(t, out, sitePaths, "3"); held != nil {
			t.Errorf("filled from a kept site holding a file of someone's: %v", held.Files)
		}
		if held := recycleBuild(t, out, sitePaths, "4"); held == nil {
			t.Error("the next build did not fill its tree from the site kept since")
		}
		if got, err := listTree(out); err != nil || !slices.Equal(got, slices.Sorted(slices.Values(sitePaths))) {
			t.Errorf("site holds %q (%v), want %q", got, err, sitePaths)
		}
	})
}
