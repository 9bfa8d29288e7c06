package pipeline

import (
	"os"
	"path/filepath"
	"report/internal/outdir"
	"strings"
	"testing"
)

// TestCheckOutput refuses every output folder whose replacement would
// destroy sources, a Git checkout or an unknown folder, and accepts a new,
// an empty and a previously built one.
func TestCheckOutput(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "site")
	write := func(p string) {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"content/2016/a.md", "data/site.toml", "notes/todo.txt", "old/index.html", "repo/.git/HEAD", "file.txt", "finder/.DS_Store"} {
		write(p)
	}
	for _, d := range []string{"empty", "static"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ out, refusal string }{
		{"public", ""},
		{"empty", ""},
		{"old", ""},
		{"finder", ""},
		{"new/deeper", ""},
		{".", "the site's own folder"},
		{"..", "holds the site's own folder"},
		{"content", "inside content/"},
		{"content/2016/x", "inside content/"},
		{"data", "inside data/"},
		{"static", "inside static/"},
		{"notes", "no index.html"},
		{"repo", "Git repository"},
		{"file.txt", "a file, not a folder"},
	}
	// Links: to a source folder, dangling, and a source folder that is
	// itself a link to a folder outside the site.
	links := map[string]string{
		"alias":    filepath.Join(root, "content"),
		"dangling": filepath.Join(root, "nowhere"),
	}
	shared := filepath.Join(top, "shared-layouts")
	if err := os.MkdirAll(filepath.Join(shared, "partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	links["layouts"] = shared
	linked := true
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Logf("no symbolic links here (%v): the cases with links are left out", err)
			linked = false
			break
		}
	}
	if linked {
		tests = append(tests, []struct{ out, refusal string }{
			{"alias", "inside content/"},
			{"alias/nye", "inside content/"},
			{"dangling", "does not exist"},
			{"layouts/partials", "inside layouts/"},
			{"layouts/new/deeper", "inside layouts/"},
		}...)
	}
	for _, tt := range tests {
		err := outdir.Check(root, filepath.Join(root, filepath.FromSlash(tt.out)))
		switch {
		case tt.refusal == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.out, err)
		case tt.refusal != "" && (err == nil || !strings.Contains(err.Error(), tt.refusal)):
			t.Errorf("%s: got %v, want a refusal saying %q", tt.out, err, tt.refusal)
		}
	}
}
