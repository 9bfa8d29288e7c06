package sitetest

// The sites a test can build: the test site or the shipped one, copied
// into memory, and written to a folder of the test's own when the build
// needs one, so that no build writes into the repository's sources.

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// Root is the repository's root, from the folder of a package under
// internal/, where go test runs its tests.
const Root = "../.."

// base is the test site: the folders it is made of, each with where it goes.
var base = []struct{ dir, prefix string }{
	{"testdata/sites/base", ""},
	{"i18n", "i18n"},
	{"layouts", "layouts"},
	{"static", "static"},
}

// shipped is the shipped site's folders.
var shipped = []string{"content", "data", "i18n", "layouts", "static"}

// FS returns the test site in memory with overlay, which may be nil, laid
// over it.
func FS(t testing.TB, overlay *txtar.Archive) fstest.MapFS {
	t.Helper()
	fsys, err := load()
	if err != nil {
		t.Fatal(err)
	}
	Apply(t, fsys, overlay)
	return fsys
}

// RealFS returns the shipped site (content/, data/, i18n/, layouts/, static/) in
// memory.
func RealFS(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, dir := range shipped {
		AddDir(t, fsys, filepath.Join(Root, dir), dir)
	}
	return fsys
}

// Dir writes the test site with overlay, which may be nil, laid over it into
// a new folder, "site" in a temporary folder of its own (so that a test has
// room beside it), and returns the folder.
func Dir(t testing.TB, overlay *txtar.Archive) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := write(dir, FS(t, overlay)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// WriteBase writes the test site into dir, keeping the files dir already
// has: a testscript's Setup, which runs after the script's own files are
// written.
func WriteBase(dir string) error {
	fsys, err := load()
	if err != nil {
		return err
	}
	return write(dir, fsys)
}

// WriteReal writes the shipped site into dir, keeping the files dir already
// has, as WriteBase does.
func WriteReal(dir string) error {
	fsys := fstest.MapFS{}
	for _, d := range shipped {
		if err := addDir(fsys, filepath.Join(Root, d), d); err != nil {
			return err
		}
	}
	return write(dir, fsys)
}

// AddDir copies the files below the folder dir into fsys, under prefix.
func AddDir(t testing.TB, fsys fstest.MapFS, dir, prefix string) {
	t.Helper()
	if err := addDir(fsys, dir, prefix); err != nil {
		t.Fatal(err)
	}
}

func load() (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	for _, b := range base {
		if err := addDir(fsys, filepath.Join(Root, b.dir), b.prefix); err != nil {
			return nil, err
		}
	}
	return fsys, nil
}

func addDir(fsys fstest.MapFS, dir, prefix string) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		fsys[filepath.ToSlash(filepath.Join(prefix, rel))] = &fstest.MapFile{Data: b}
		return err
	})
}

// write writes the files of fsys into dir, keeping those it already has.
func write(dir string, fsys fstest.MapFS) error {
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Lstat(p); err == nil {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
