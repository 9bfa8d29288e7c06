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
