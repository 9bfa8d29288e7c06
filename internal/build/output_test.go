package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOutput refuses every output folder whose replacement would
// destroy sources, a Git checkout or an unknown folder, and accepts a new,
// an empty and a previously built one.
func TestCheckOutput(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"content/2016/a.md", "data/site.toml", "notes/todo.txt", "old/index.html", "repo/.git/HEAD", "file.txt"} {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"empty", "static"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A link to a source folder is that folder.
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "alias")); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ out, refusal string }{
		{"public", ""},
		{"empty", ""},
		{"old", ""},
		{"new/deeper", ""},
		{".", "the site's own folder"},
		{"..", "the site's own folder"},
		{"content", "inside content/"},
		{"content/2016/x", "inside content/"},
		{"data", "inside data/"},
		{"static", "inside static/"},
		{"layouts", "inside layouts/"},
		{"alias", "inside content/"},
		{"alias/nye", "inside content/"},
		{"notes", "no index.html"},
		{"repo", "Git repository"},
		{"file.txt", "a file, not a folder"},
	}
	for _, tt := range tests {
		err := CheckOutput(root, filepath.Join(root, filepath.FromSlash(tt.out)))
		switch {
		case tt.refusal == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.out, err)
		case tt.refusal != "" && (err == nil || !strings.Contains(err.Error(), tt.refusal)):
			t.Errorf("%s: got %v, want a refusal saying %q", tt.out, err, tt.refusal)
		}
	}
}
