package diskfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func TestDirIsAnFS(t *testing.T) {
	root := t.TempDir()
	for name, text := range map[string]string{"a.md": "a", "content/2016/b.md": "bb", "static/css/c.css": "ccc"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(p, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	// fstest.TestFS opens, reads, seeks, lists and stats every file, and
	// compares the answers with each other.
	if err := fstest.TestFS(Dir(root), "a.md", "content/2016/b.md", "static/css/c.css"); err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(Dir(root), "content/2016/b.md")
	if err != nil || string(b) != "bb" {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
}

func TestDirRefusesNamesOutsideIt(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"../x", "/etc/passwd", "a/../../x", ""} {
		if _, err := Dir(root).Open(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q) = %v, want ErrInvalid", name, err)
		}
	}
}

func TestErrorsNameTheFileInTheFS(t *testing.T) {
	_, err := Dir(t.TempDir()).Open("content/missing.md")
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "content/missing.md" || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want a PathError for content/missing.md that is ErrNotExist", err)
	}
	_, err = Dir(t.TempDir()).Stat("missing.md")
	if !errors.As(err, &pe) || pe.Path != "missing.md" {
		t.Fatalf("Stat err = %v", err)
	}
}

func TestWriteFileTruncates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "index.html")
	if err := WriteFile(p, []byte("a long first version")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("short")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil || string(b) != "short" {
		t.Fatalf("got %q, %v", b, err)
	}
	info, err := os.Stat(p)
	if err != nil || info.Mode().Perm()&0o644 != 0o644 {
		t.Fatalf("mode %v, %v", info.Mode(), err)
	}
}

// TestReadLimited reads a file whole, empty or not, refuses one over the
// limit unread and says its size, refuses a folder, and names a missing
// file by its name in the FS.
func TestReadLimited(t *testing.T) {
	root := t.TempDir()
	for name, text := range map[string]string{"a.md": "første linje\nanden", "empty.md": ""} {
		if err := WriteFile(filepath.Join(root, name), []byte(text)); err != nil {
			t.Fatal(err)
		}
		got, info, err := Dir(root).ReadLimited(name, 100)
		if err != nil || string(got) != text {
			t.Errorf("ReadLimited(%q) = %q, %v; want %q", name, got, err, text)
		}
		disk, err := os.Lstat(filepath.Join(root, name))
		if err != nil || info == nil || info.Size() != disk.Size() || !info.ModTime().Equal(disk.ModTime()) || !info.Mode().IsRegular() || info.Name() != name {
			t.Errorf("ReadLimited(%q) described it as %v; on disk %v, %v", name, info, disk, err)
		}
	}
	var big *TooBig
	if _, _, err := Dir(root).ReadLimited("a.md", 5); !errors.As(err, &big) || big.Size != int64(len("første linje\nanden")) || big.Limit != 5 {
		t.Errorf("over the limit: %v", err)
	}
	if err := os.Mkdir(filepath.Join(root, "folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Dir(root).ReadLimited("folder.md", 100); err == nil {
		t.Error("ReadLimited read a folder")
	}
	var pe *fs.PathError
	if _, _, err := Dir(root).ReadLimited("content/missing.md", 100); !errors.As(err, &pe) || pe.Path != "content/missing.md" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestWriteNewFile writes a file that is not there and describes it as
// written, and refuses to write over one.
func TestWriteNewFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "index.html")
	info, err := WriteNewFile(p, []byte("<p>ny</p>"), true)
	if err != nil {
		t.Fatal(err)
	}
	disk, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() != 9 || info.Name() != "index.html" || !info.ModTime().Equal(disk.ModTime()) {
		t.Errorf("WriteNewFile described %s %v %d %v; on disk %v, %v", info.Name(), info.Mode(), info.Size(), info.ModTime(), disk, err)
	}
	if _, err := WriteNewFile(p, []byte("igen"), false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("WriteNewFile over a file: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "<p>ny</p>" {
		t.Errorf("the file holds %q", b)
	}
}
