package sitetest

// The sites a test can build: the test site or the shipped one, copied
// into memory, and written to a folder of the test's own when the build
// needs one, so that no build writes into the repository's sources.

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// Root is the repository's root, from the folder of a package under
// internal/, where go test runs its tests: the test site, the fixtures of
// testdata/ and the README are read from here.
const Root = "../.."

// ShippedEnv names the variable that points the tests of the shipped site
// at another site: `make test` runs them a second time over a copy of the
// shipped site with a generated next edition (tools/nextedition), since
// the content belongs to the editors and the tests must hold for any
// edition they add.
const ShippedEnv = "REPORT_SHIPPED_SITE"

// Shipped is the folder of the site that the tests of "the shipped site"
// read: the repository's own, or the one ShippedEnv names. Every test that
// reads content/, data/ or i18n/ of the shipped site reads it from here.
func Shipped() string {
	if dir := os.Getenv(ShippedEnv); dir != "" {
		return dir
	}
	return Root
}

// ShippedFS is Shipped as a file system.
func ShippedFS() fs.FS { return os.DirFS(Shipped()) }

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
	fsys, err := realFS()
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func realFS() (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	for _, d := range shipped {
		if err := addDir(fsys, filepath.Join(Shipped(), d), d); err != nil {
			return nil, err
		}
	}
	return fsys, nil
}

// Edition2016FS returns the shipped site with the 2016 edition alone, as it
// was published: whatever editions the editors have added since are left
// out (their content, their edition files and the figures of years after
// 2015). Tests that build a second edition of their own beside the 2016
// edition start from it.
func Edition2016FS(t testing.TB) fstest.MapFS {
	t.Helper()
	return only2016(RealFS(t))
}

func only2016(fsys fstest.MapFS) fstest.MapFS {
	for name := range fsys {
		dir, rest, _ := strings.Cut(name, "/")
		year, _, _ := strings.Cut(rest, "/")
		year = strings.TrimSuffix(year, ".toml")
		switch {
		case dir == "content" && year != "2016" && strings.Contains(rest, "/"),
			dir == "data" && strings.HasPrefix(rest, "editions/") && rest != "editions/2016.toml",
			dir == "data" && strings.HasPrefix(rest, "years/") && rest > "years/2015.toml":
			delete(fsys, name)
		}
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
	fsys, err := realFS()
	if err != nil {
		return err
	}
	return write(dir, fsys)
}

// WriteEdition2016 writes the shipped site's 2016 edition alone (see
// Edition2016FS) into dir, keeping the files dir already has.
func WriteEdition2016(dir string) error {
	fsys, err := realFS()
	if err != nil {
		return err
	}
	return write(dir, only2016(fsys))
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
