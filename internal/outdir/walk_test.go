//go:build unix

package outdir

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// TestWalkBelow: the walk visits every entry below the folder once, a
// folder before what it holds, with the type lstat gives it; it follows no
// link, and SkipDir keeps it out of that folder only.
func TestWalkBelow(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := writeSite(outside, "outside"); err != nil {
		t.Fatal(err)
	}
	if err := writeSite(dir, "site"); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"skip/deep", "a/b/c"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"skip/deep/hidden.txt", "a/b/c/leaf.txt", "a/b/sibling.txt"} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(dir, "a", "link")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "a", "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := map[string]fs.FileMode{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && p != dir && !slices.Contains([]string{"skip/deep", "skip/deep/hidden.txt"}, rel(dir, p)) {
			want[rel(dir, p)] = e.Type()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]fs.FileMode{}
	var order []string
	err = walkBelow(dir, func(r string, typ fs.FileMode) error {
		if _, twice := got[r]; twice {
			t.Errorf("%s visited twice", r)
		}
		got[r] = typ
		order = append(order, r)
		if r == "skip" {
			return fs.SkipDir
		}
		return nil
	}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("walked %v\nwant   %v", got, want)
	}
	for i, r := range order {
		if up := filepath.ToSlash(filepath.Dir(filepath.FromSlash(r))); up != "." && !slices.Contains(order[:i], up) {
			t.Errorf("%s visited before its folder %s", r, up)
		}
	}
}

func rel(dir, p string) string {
	r, _ := filepath.Rel(dir, p)
	return filepath.ToSlash(r)
}

// BenchmarkCheckContents walks a built site of 2,000 story folders, as
// the check of the output folder does beside every build's load.
func BenchmarkCheckContents(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "public")
	var files []string
	for i := range 2000 {
		files = append(files, fmt.Sprintf("2016/cases/case-%04d/index.html", i))
	}
	files = append(files, "index.html")
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	slices.Sort(files)
	if err := writeManifest(dir, files); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := CheckContents(dir); err != nil {
			b.Fatal(err)
		}
	}
}
