package outdir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResolve: links anywhere in the existing part of a path are resolved,
// the part that does not exist yet is kept, and a link that leads nowhere,
// a loop or a file on the way is an error naming the path.
func TestResolve(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(top, "real", "inner"), 0o755))
	must(os.WriteFile(filepath.Join(top, "file"), nil, 0o644))
	must(os.Symlink("real", filepath.Join(top, "link")))
	must(os.Symlink(filepath.Join(top, "link", "inner"), filepath.Join(top, "deep")))
	must(os.Symlink("nowhere", filepath.Join(top, "dangling")))
	must(os.Symlink("loop", filepath.Join(top, "loop")))
	tests := []struct{ in, want, err string }{
		{"real", "real", ""},
		{"link", "real", ""},
		{"link/new/deeper", "real/new/deeper", ""},
		{"deep/new", "real/inner/new", ""},
		{"link/../real", "real", ""},
		{"dangling", "", "which does not exist"},
		{"dangling/sub", "", "dangling is a symbolic link to nowhere, which does not exist"},
		{"loop/sub", "", "cannot be followed"},
		{"file/sub", "", "file is a file, not a folder"},
	}
	for _, tt := range tests {
		got, err := Resolve(filepath.Join(top, filepath.FromSlash(tt.in)))
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: got %q, %v; want an error saying %q", tt.in, got, err, tt.err)
		case tt.err == "" && (err != nil || got != filepath.Join(top, filepath.FromSlash(tt.want))):
			t.Errorf("%s: got %q, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

// TestResolveWhileMovedAside: the output folder is moved aside between
// Resolve's look at it and its resolving, as another build without an
// atomic swap does for a moment. Resolve looks again and returns the
// folder's path; before, it took the folder for a link that cannot be
// followed (TestConcurrentReplace failed so, now and then).
func TestResolveWhileMovedAside(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(top, "public")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	moved := 0
	resolveHook = func(existing string) {
		if existing == out && moved == 0 {
			moved++
			if err := os.Rename(out, out+".old"); err != nil {
				t.Fatal(err)
			}
		}
	}
	defer func() { resolveHook = func(string) {} }()
	got, err := Resolve(out)
	if err != nil || got != out {
		t.Errorf("Resolve = %q, %v; want %q", got, err, out)
	}
	if moved != 1 {
		t.Errorf("the folder was moved %d times, want once", moved)
	}
}
