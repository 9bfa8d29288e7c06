package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"report/internal/sitetest"
)

// TestBuildRefusesLinkIntoSources: "report build --out d", where d is a
// link into a source folder, exits with status 2, names the source folder
// and leaves the folder the link leads to as it was, even one that looks
// like a site built before.
func TestBuildRefusesLinkIntoSources(t *testing.T) {
	root := sitetest.Dir(t, nil)
	docs := filepath.Join(root, "static", "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "guide.txt"} {
		if err := os.WriteFile(filepath.Join(docs, name), []byte("the editors' guide"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join("static", "docs"), filepath.Join(root, "d")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "content", "2016"), filepath.Join(root, "x")); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"d", "d/sub", "x/sub"} {
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), []string{"build", "--root", root, "--out", out}, &stdout, &stderr)
		if code != ExitUsage {
			t.Errorf("--out %s: exit status %d, want %d; stderr: %s", out, code, ExitUsage, stderr.String())
		}
		if want := "will not write the site to " + out + ": it is inside "; !strings.Contains(stderr.String(), want) {
			t.Errorf("--out %s: stderr %q does not say %q", out, stderr.String(), want)
		}
	}
	for _, p := range []string{"static/docs/guide.txt", "static/docs/index.html", "content/2016/_index.md"} {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	for _, p := range []string{"static/docs/sub", "content/2016/sub"} {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(p))); !os.IsNotExist(err) {
			t.Errorf("%s was written: %v", p, err)
		}
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("the refused build left %s in the site", e.Name())
		}
	}
}
