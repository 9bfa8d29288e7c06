//go:build unix

package diskfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func syscallMkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// TestDirOpensOnlyItsOwn refuses, with ErrNotOwn, a file that is a link, a
// file below a folder that is a link, and a pipe, and writes no file
// through a linked folder; Lstat tells what the link is.
func TestDirOpensOnlyItsOwn(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.toml"), []byte("x = 1"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"data.toml": filepath.Join(outside, "secret.toml"), "linked": outside} {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscallMkfifo(filepath.Join(root, "pipe.toml")); err != nil {
		t.Fatal(err)
	}
	d := Dir(root)
	for _, name := range []string{"data.toml", "linked/secret.toml", "pipe.toml"} {
		if _, err := d.Open(name); !errors.Is(err, ErrNotOwn) {
			t.Errorf("Open(%q) = %v, want ErrNotOwn", name, err)
		}
		if _, err := fs.ReadFile(d, name); !errors.Is(err, ErrNotOwn) {
			t.Errorf("ReadFile(%q) = %v, want ErrNotOwn", name, err)
		}
	}
	if info, err := d.Lstat("data.toml"); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat of a link: %v, %v", info, err)
	}
	if err := d.Create("linked/new.md", []byte("x")); !errors.Is(err, ErrNotOwn) {
		t.Errorf("Create through a linked folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(outside, "new.md")); err == nil {
		t.Error("Create wrote through the link")
	}
	if err := d.Create("content/2016/cases/ny.md", []byte("ny")); err != nil {
		t.Errorf("Create in new folders: %v", err)
	}
	if err := d.Create("content/2016/cases/ny.md", []byte("igen")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Create over a file: %v", err)
	}
}
