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
		if _, _, err := d.ReadLimited(name, 100); !errors.Is(err, ErrNotOwn) {
			t.Errorf("ReadLimited(%q) = %v, want ErrNotOwn", name, err)
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

// TestDirReadsLinks holds Dir to fs.ReadLinkFS: through the interface,
// as code that has only an fs.FS calls it, Lstat describes a link and
// ReadLink says where it leads, a name that is no link is an error naming
// the file, and a name below a linked folder is refused like Open refuses
// it, whatever the link's target holds.
func TestDirReadsLinks(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	for _, p := range []string{filepath.Join(root, "static", "report.css"), filepath.Join(outside, "secret.css")} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("body{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("report.css", filepath.Join(root, "static", "alias.css")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("secret.css", filepath.Join(outside, "inner.css")); err != nil {
		t.Fatal(err)
	}
	var fsys fs.FS = Dir(root)

	if target, err := fs.ReadLink(fsys, "static/alias.css"); err != nil || target != "report.css" {
		t.Errorf("ReadLink of a link = %q, %v; want report.css", target, err)
	}
	if info, err := fs.Lstat(fsys, "static/alias.css"); err != nil || info.Mode().Type() != fs.ModeSymlink || info.Name() != "alias.css" {
		t.Errorf("Lstat of a link = %v, %v; want the link itself", info, err)
	}
	if info, err := fs.Lstat(fsys, "static/report.css"); err != nil || !info.Mode().IsRegular() || info.Size() != 6 {
		t.Errorf("Lstat of a file = %v, %v", info, err)
	}

	_, err := fs.ReadLink(fsys, "static/report.css")
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "static/report.css" || pe.Op != "readlink" {
		t.Errorf("ReadLink of a file that is no link = %v; want a PathError naming static/report.css", err)
	}
	if _, err := fs.ReadLink(fsys, "static/missing.css"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadLink of a missing file = %v; want ErrNotExist", err)
	}
	if _, err := fs.ReadLink(fsys, "../x"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("ReadLink outside the folder = %v; want ErrInvalid", err)
	}

	if target, err := fs.ReadLink(fsys, "linked/inner.css"); !errors.Is(err, ErrNotOwn) {
		t.Errorf("ReadLink below a linked folder = %q, %v; want ErrNotOwn", target, err)
	}
	if info, err := fs.Lstat(fsys, "linked/secret.css"); !errors.Is(err, ErrNotOwn) {
		t.Errorf("Lstat below a linked folder = %v, %v; want ErrNotOwn", info, err)
	}
}

// TestWriteNewFileNamesTheInode: the description of a written file carries
// the system's stat, with the file's inode, which the build's stamps of
// what it wrote are made of (see package pipeline).
func TestWriteNewFileNamesTheInode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "index.html")
	info, err := WriteNewFile(p, []byte("x"), true)
	if err != nil {
		t.Fatal(err)
	}
	disk, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || st.Ino != disk.Sys().(*syscall.Stat_t).Ino {
		t.Errorf("WriteNewFile's description holds %#v, not the file's stat", info.Sys())
	}
}
