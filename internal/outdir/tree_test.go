package outdir

import (
	"io/fs"
	"path"
	"slices"
	"testing"
	"testing/fstest"
)

// TestTreeOfAWalk builds the tree of a walk and lists it again: every file
// and folder the walk visited, under its own folder, and nothing under a
// folder the walk skipped.
func TestTreeOfAWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"index.html":                  {},
		"2016/index.html":             {},
		"2016/cases/a/index.html":     {},
		"2016/cases/b/index.html":     {},
		"2016/cases/b/c/deep.txt":     {},
		"2016/klynger/index.html":     {},
		"en/2016/index.html":          {},
		"pagefind/pagefind.js":        {},
		"pagefind/fragment/x.pf_frag": {},
		"z.txt":                       {},
	}
	found := newTreeOf()
	var want []string
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil || p == ".":
			return err
		case p == "pagefind":
			return fs.SkipDir
		}
		found.add(p, e.IsDir())
		if !e.IsDir() {
			want = append(want, p)
		} else {
			want = append(want, p+"/")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var list func(dir string, t *tree)
	list = func(dir string, t *tree) {
		for _, f := range t.files {
			got = append(got, path.Join(dir, f))
		}
		for _, d := range t.dirs {
			got = append(got, path.Join(dir, d.name)+"/")
			list(path.Join(dir, d.name), d.tree)
		}
	}
	list("", found.root)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the tree lists\n%q\nthe walk visited\n%q", got, want)
	}
}
