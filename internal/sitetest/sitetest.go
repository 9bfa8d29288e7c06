// Package sitetest is the tests' "site in a string": the small test site
// (testdata/sites/base) with the real layouts and static files, and a txtar
// archive of files laid over it, in memory or in a folder; and assertions on
// what a build wrote, after Hugo's integration tests
// (hugolib/integrationtest_builder.go).
//
// An overlay is a txtar archive. Each file replaces or adds the site's file
// of that name; a file whose content is exactly "DELETE\n" removes it; the
// section named "want" is no file of the site but what the test expects (the
// problems of a broken site in testdata/bad, one a line):
//
//	# A chapter without a title.
//	-- content/2016/tal.md --
//	+++
//	weight = 10
//	+++
//	-- want --
//	content/2016/tal.md:1:1: error: …
//
// Paths are relative to the repository's root as go test sees it from a
// package folder under internal/.
package sitetest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
)

// Root is the repository's root, from the folder of a package under
// internal/, where go test runs its tests.
const Root = "../.."

// WantSection names the overlay's section that holds what the test expects.
const WantSection = "want"

// Delete is the content of an overlay file that removes the file.
const Delete = "DELETE\n"

// base is the test site: the folders it is made of, each with where it goes.
var base = []struct{ dir, prefix string }{
	{"testdata/sites/base", ""},
	{"layouts", "layouts"},
	{"static", "static"},
}

// shipped is the shipped site's folders.
var shipped = []string{"content", "data", "layouts", "static"}

// Parse reads an overlay written in a test, as Hugo's tests write their
// sites in a string.
func Parse(s string) *txtar.Archive { return txtar.Parse([]byte(s)) }

// ParseFile reads an overlay from a file, such as testdata/bad/*.txtar.
func ParseFile(t testing.TB, name string) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return ar
}

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

// RealFS returns the shipped site (content/, data/, layouts/, static/) in
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

// Apply lays overlay, which may be nil, over a site in memory.
func Apply(t testing.TB, fsys fstest.MapFS, overlay *txtar.Archive) {
	t.Helper()
	err := apply(overlay, func(name string, data []byte) error {
		fsys[name] = &fstest.MapFile{Data: data}
		return nil
	}, func(name string) error {
		if _, ok := fsys[name]; !ok {
			return fs.ErrNotExist
		}
		delete(fsys, name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// ApplyDir lays overlay, which may be nil, over the site in the folder dir.
func ApplyDir(t testing.TB, dir string, overlay *txtar.Archive) {
	t.Helper()
	err := apply(overlay, func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}, func(name string) error {
		return os.Remove(filepath.Join(dir, filepath.FromSlash(name)))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// apply is the one reading of an overlay: put each file, delete those marked
// for deletion, skip the want section.
func apply(overlay *txtar.Archive, put func(name string, data []byte) error, del func(name string) error) error {
	if overlay == nil {
		return nil
	}
	for _, f := range overlay.Files {
		var err error
		switch {
		case f.Name == WantSection:
			continue
		case string(f.Data) == Delete:
			if err = del(f.Name); errors.Is(err, fs.ErrNotExist) {
				err = fmt.Errorf("the overlay deletes %s, which the site does not have", f.Name)
			}
		default:
			err = put(f.Name, f.Data)
		}
		if err != nil {
			return fmt.Errorf("overlay: %w", err)
		}
	}
	return nil
}

// Want returns the overlay's want section, "" when it has none.
func Want(overlay *txtar.Archive) string {
	for _, f := range overlay.Files {
		if f.Name == WantSection {
			return string(f.Data)
		}
	}
	return ""
}

// SetWant rewrites the overlay file name with got as its want section, for a
// test's -update flag.
func SetWant(t testing.TB, name string, overlay *txtar.Archive, got string) {
	t.Helper()
	found := false
	for i := range overlay.Files {
		if overlay.Files[i].Name == WantSection {
			overlay.Files[i].Data, found = []byte(got), true
		}
	}
	if !found {
		overlay.Files = append(overlay.Files, txtar.File{Name: WantSection, Data: []byte(got)})
	}
	if err := os.WriteFile(name, txtar.Format(overlay), 0o644); err != nil {
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

// Files are the files a build wrote, by slash-separated path.
type Files map[string]string

// ReadFiles reads every file below the folder dir, a built site.
func ReadFiles(t testing.TB, dir string) Files {
	t.Helper()
	fsys := fstest.MapFS{}
	AddDir(t, fsys, dir, "")
	out := Files{}
	for name, f := range fsys {
		out[name] = string(f.Data)
	}
	return out
}

// AssertExists fails t for each of names that is not among the files.
func (f Files) AssertExists(t testing.TB, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, ok := f[name]; !ok {
			t.Errorf("%s is missing", name)
		}
	}
}

// AssertFileContent fails t unless the file name holds every match, as
// AssertContains reads them.
func (f Files) AssertFileContent(t testing.TB, name string, matches ...string) {
	t.Helper()
	content, ok := f[name]
	if !ok {
		t.Errorf("%s is missing", name)
		return
	}
	AssertContains(t, name, content, matches...)
}

// AssertContains fails t unless text, named what in messages, holds every
// match. As in Hugo's AssertFileContent, a match is read line by line, each
// line trimmed of spaces, so that a test can give several in one string;
// blank lines and lines that begin with "# " are skipped, and a line that
// begins with "! " must not be in text.
func AssertContains(t testing.TB, what, text string, matches ...string) {
	t.Helper()
	for _, m := range matches {
		for _, line := range strings.Split(m, "\n") { // not SplitSeq: t.Helper does not reach into its loop body
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "# ") {
				continue
			}
			if not, ok := strings.CutPrefix(line, "! "); ok {
				if i := strings.Index(text, not); i >= 0 {
					t.Errorf("%s holds %q, which it must not:\n%s", what, not, around(text, i, len(not)))
				}
				continue
			}
			if !strings.Contains(text, line) {
				t.Errorf("%s lacks %q; nearest:\n%s", what, line, nearest(text, line))
			}
		}
	}
}

// nearest shows where text comes nearest to holding match: where the
// longest beginning of match stands in it.
func nearest(text, match string) string {
	lo, hi := 0, len(match) // the longest beginning in text is at least lo and less than hi bytes
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if strings.Contains(text, match[:mid]) {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return "(no part of it)"
	}
	return around(text, strings.Index(text, match[:lo]), lo)
}

// around quotes text[i:i+n] with some of what stands before and after it.
func around(text string, i, n int) string {
	start, end := max(0, i-60), min(len(text), i+n+60)
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	before, after := "…", "…"
	if start == 0 {
		before = ""
	}
	if end == len(text) {
		after = ""
	}
	return fmt.Sprintf("\t%s%q%s", before, text[start:end], after)
}
