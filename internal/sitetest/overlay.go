package sitetest

// A test says how its site differs from the test site in an overlay, and
// what it expects in the overlay's want section; this is the one reading
// of overlays, for a site in memory and a site in a folder alike.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// WantSection names the overlay's section that holds what the test expects.
const WantSection = "want"

// Delete is the content of an overlay file that removes the file.
const Delete = "DELETE\n"

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
