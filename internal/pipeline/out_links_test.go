package pipeline

import (
	"os"
	"path/filepath"
	"report/internal/outdir"
	"strings"
	"testing"
)

// TestCheckOutputThroughLinks: an output reached through a symbolic link is
// judged by the folder it really is. A link into a source folder, or into a
// folder inside one, is refused however deep the output lies below it; a
// link to a folder outside the site (where a web server serves from) is
// accepted.
func TestCheckOutputThroughLinks(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "site")
	for _, d := range []string{"content/2016", "data/years", "layouts", "static/docs", "public"} {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "static", "docs", "guide.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	served := filepath.Join(top, "www", "site")
	if err := os.MkdirAll(served, 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"d":        filepath.Join("static", "docs"), // relative, as ln -s writes it
		"x":        filepath.Join(root, "content", "2016"),
		"y":        filepath.Join("data", "years"),
		"chain":    "x", // a link to a link into the sources
		"up":       "..",
		"self":     ".",
		"www":      served,
		"wwwchain": "www",
		"pub":      "public",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ out, refusal string }{
		{"d", "inside static/"},
		{"d/new", "inside static/"},
		{"x", "inside content/"},
		{"x/sub", "inside content/"},
		{"x/sub/deeper", "inside content/"},
		{"y/sub", "inside data/"},
		{"chain/sub", "inside content/"},
		{"self", "the site's own folder"},
		{"up", "holds the site's own folder"},
		{"up/site", "the site's own folder"},
		{"up/site/static/docs", "inside static/"},
		{"www", ""},
		{"wwwchain", ""},
		{"www/deeper", ""},
		{"pub", ""},
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
	if _, err := os.Stat(filepath.Join(root, "static", "docs", "guide.txt")); err != nil {
		t.Errorf("the check touched the sources: %v", err)
	}
}
