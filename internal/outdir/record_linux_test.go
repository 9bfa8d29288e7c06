package outdir

// Folders are stamped on Linux only (see walk_linux.go): elsewhere no
// record is written, and every check walks the output whole.

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestWalkTakesVouchedFoldersOnTrust: a folder whose stamp vouches for
// what the record says it held is not read: its entries are the record's
// (here a file that is not there, to tell them apart); one changed since,
// or stamped too close to the record, is read as it is, with whatever was
// put in it.
func TestWalkTakesVouchedFoldersOnTrust(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"index.html", "a/index.html", "b/index.html", "b/c/index.html"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stamp := func(rel string) folderStamp {
		st, ok := lstatFolder(filepath.Join(dir, filepath.FromSlash(rel)))
		if !ok {
			t.Fatal(rel)
		}
		return st
	}
	// What the record says: each folder's real stamp, and a file in each
	// that the folder does not hold.
	recorded := func() *record {
		c := &tree{stamp: stamp("b/c"), files: []string{"ghost.html"}}
		b := &tree{stamp: stamp("b"), files: []string{"ghost.html"}, dirs: []subtree{{"c", c}}}
		a := &tree{stamp: stamp("a"), files: []string{"ghost.html"}}
		return &record{tree: &tree{files: []string{"ghost.html"}, dirs: []subtree{{"a", a}, {"b", b}}}, began: time.Now().UnixNano(), window: 1}
	}
	walk := func(rec *record) []string {
		var seen []string
		err := walkBelow(dir, func(rel string, typ fs.FileMode) error {
			switch {
			case typ&fs.ModeSymlink != 0:
				seen = append(seen, rel+"@")
			case !typ.IsDir():
				seen = append(seen, rel)
			}
			return nil
		}, nil, rec)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(seen)
		return seen
	}
	check := func(name string, rec *record, want ...string) {
		t.Helper()
		if got := walk(rec); !slices.Equal(got, want) {
			t.Errorf("%s: walked %q, want %q", name, got, want)
		}
	}
	check("no record", nil, "a/index.html", "b/c/index.html", "b/index.html", "index.html")
	// The top is always read; a folder of files only is taken whole, and
	// so is a folder of folders, each of which vouches for itself.
	check("unchanged", recorded(), "a/ghost.html", "b/c/ghost.html", "b/ghost.html", "index.html")
	tooClose := recorded()
	tooClose.window = time.Hour.Nanoseconds()
	check("stamped too close to the record", tooClose, "a/index.html", "b/c/index.html", "b/index.html", "index.html")
	rec := recorded()
	if err := os.Symlink(dir, filepath.Join(dir, "b", "c", "link")); err != nil {
		t.Fatal(err)
	}
	check("a link put in a folder since", rec, "a/ghost.html", "b/c/index.html", "b/c/link@", "b/ghost.html", "index.html")
	rec = recorded()
	if err := os.Rename(filepath.Join(dir, "a"), filepath.Join(dir, "a2")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	// (b/c is recorded with its link now, and vouched for.)
	check("a folder swapped for another", rec, "a2/index.html", "b/c/ghost.html", "b/ghost.html", "index.html")
}

// recycleBuildInPlace is recycleBuild leaving each file the tree already
// holds where it is, as package pipeline does with a file that did not
// change, and writing only changed.
func recycleBuildInPlace(t *testing.T, out string, files []string, changed string) {
	t.Helper()
	fillRecycled(t, out, files, func(f string, held *Recycled) ([]byte, bool) {
		return []byte(f), held == nil || !held.Files[f] || f == changed
	})
}

// TestRecordedOutput: a build that filled its tree from the kept site
// records it for the output's next check, which still refuses a link or
// a file put in the output since, however deep; a build that makes its
// tree from nothing, or forgets what builds kept, leaves no record.
func TestRecordedOutput(t *testing.T) {
	windowOf = func(string) int64 { return 1 }
	defer func() { windowOf = timeWindow }()
	files := []string{"index.html", "2016/index.html", "2016/cases/a/index.html", "2016/cases/b/index.html", "2016/cases/c/index.html"}
	build := func(t *testing.T) string {
		out := filepath.Join(t.TempDir(), "public")
		for _, changed := range []string{"", "2016/cases/a/index.html", "2016/cases/b/index.html"} {
			recycleBuildInPlace(t, out, files, changed)
		}
		if readRecord(recordPath(out)) == nil {
			t.Fatal("the third build left no record of the output")
		}
		return out
	}
	for _, plant := range []struct {
		name string
		do   func(out string) error
	}{
		{"a link", func(out string) error {
			return os.Symlink(filepath.Dir(out), filepath.Join(out, "2016", "cases", "c", "evil"))
		}},
		{"a file", func(out string) error {
			return os.WriteFile(filepath.Join(out, "2016", "cases", "c", "notes.txt"), nil, 0o644)
		}},
	} {
		t.Run(plant.name, func(t *testing.T) {
			out := build(t)
			if err := plant.do(out); err != nil {
				t.Fatal(err)
			}
			if err := CheckContents(out); err == nil {
				t.Errorf("the check took the output on trust with %s put in it", plant.name)
			}
		})
	}
	t.Run("unchanged", func(t *testing.T) {
		out := build(t)
		// The folder no build since the first has written in is taken on
		// trust by the next check.
		rec := readRecord(recordPath(out))
		c := rec.tree.folders()["2016"].folders()["cases"].folders()["c"]
		if st, ok := lstatFolder(filepath.Join(out, "2016", "cases", "c")); c == nil || !ok || !rec.vouches(c, st) {
			t.Errorf("the record does not vouch for 2016/cases/c, which no build changed since the first")
		}
		if err := CheckContents(out); err != nil {
			t.Fatal(err)
		}
		recycleBuildInPlace(t, out, files, "2016/cases/c/index.html")
		if got, err := listTree(out); err != nil || !slices.Equal(got, slices.Sorted(slices.Values(files))) {
			t.Errorf("site holds %q (%v), want %q", got, err, files)
		}
	})
	t.Run("replaced from nothing", func(t *testing.T) {
		out := build(t)
		if err := openOutput(t, out).ReplaceWith(files, func(tmp string) error { return writeFiles(tmp, files) }); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Lstat(recordPath(out)); !os.IsNotExist(err) {
			t.Errorf("a build that made its tree from nothing left the record of the one before: %v", err)
		}
	})
	t.Run("forgotten", func(t *testing.T) {
		out := build(t)
		if err := openOutput(t, out).Forget(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Lstat(recordPath(out)); !os.IsNotExist(err) {
			t.Errorf("Forget left the record: %v", err)
		}
	})
}

// openOutput opens out for the test, and closes it when the test ends.
func openOutput(t *testing.T, out string) *Output {
	t.Helper()
	o, err := Open(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}

// writeFiles writes each of files, slash-separated, into dir.
func writeFiles(dir string, files []string) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// TestAppendQuoted: the record's quoting is strconv.Quote's.
func TestAppendQuoted(t *testing.T) {
	for _, s := range []string{"", "2016/cases/a/index.html", `a"b`, `a\b`, "tab\there", "æøå/ü.html", "\x7f", "~ !"} {
		if got, want := string(appendQuoted(nil, s)), strconv.Quote(s); got != want {
			t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
		}
	}
}

// FuzzRecord: a record is a file beside the output that anyone who can
// write there can change. Whatever it holds, reading it does not panic;
// what it reads as is written back and read again as the same tree; and
// a walk of a real folder that takes it for its record does not fail.
func FuzzRecord(f *testing.F) {
	f.Add([]byte("report-prev-tree 1 1700000000000000000 20000000\nf \"index.html\"\nd 5 1 \"a\"\nf \"a/index.html\"\nd 6 2 \"a/b\"\nf \"a/b/x.html\"\n"))
	f.Add([]byte("report-prev-tree 1 1 1\nd 1 1 \"a\"\nd 2 2 \"a/../b\"\nf \"\\x00\"\n"))
	f.Add([]byte("report-prev-tree 1 9 9\nf \"æ/ø\"\nd 0 0 \"c\"\nd 3 3 \"c/d\"\nd 3 3 \"c\"\n"))
	site := f.TempDir()
	if err := writeFiles(site, []string{"index.html", "a/index.html", "a/b/x.html", "c/d/y.html"}); err != nil {
		f.Fatal(err)
	}
	work := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, q := filepath.Join(work, "record"), filepath.Join(work, "again")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rec := readRecord(p)
		if rec == nil {
			return
		}
		rec.tree.began = rec.began
		if err := writeStampedTree(q, site, rec.tree); err != nil {
			t.Fatal(err)
		}
		again := readRecord(q)
		if again == nil || !sameTree(rec.tree, again.tree) {
			t.Fatalf("the record read as %+v reads back as %+v", rec.tree, again)
		}
		err := walkBelow(site, func(string, fs.FileMode) error { return nil }, func(string, folderStamp) {}, rec)
		if err != nil {
			t.Fatal(err)
		}
	})
}

// sameTree reports whether a and b hold the same files and folders, with
// the same stamps, in the same order.
func sameTree(a, b *tree) bool {
	if !slices.Equal(a.files, b.files) || len(a.dirs) != len(b.dirs) || a.stamp != b.stamp {
		return false
	}
	for i := range a.dirs {
		if a.dirs[i].name != b.dirs[i].name || !sameTree(a.dirs[i].tree, b.dirs[i].tree) {
			return false
		}
	}
	return true
}
