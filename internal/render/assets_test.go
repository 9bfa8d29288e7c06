package render_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"report/internal/build"
	"report/internal/diag"
	"report/internal/diskfs"
	"report/internal/render"
	"report/internal/testsite"
)

// siteWith copies the small test site, with the real layouts and static
// files, into a folder, and adds the files given.
func siteWith(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for src, dst := range map[string]string{"../../testdata/sites/base": "", "../../layouts": "layouts", "../../static": "static"} {
		if err := testsite.CopyTree(src, filepath.Join(root, dst)); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func plan(t *testing.T, fsys fs.FS) *render.Plan {
	t.Helper()
	p, _, err := build.Prepare(fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAssetReplacedByLink swaps an asset for a symbolic link after the scan
// found a regular file and before the build reads it: the read refuses the
// link, names the file, and the target's bytes reach no output.
func TestAssetReplacedByLink(t *testing.T) {
	for name, open := range map[string]func(string) fs.FS{
		"diskfs": func(root string) fs.FS { return diskfs.Dir(root) },
		"os":     os.DirFS,
	} {
		t.Run(name, func(t *testing.T) {
			root := siteWith(t, map[string]string{"content/2016/note.txt": "Et notat.\n"})
			secret := filepath.Join(t.TempDir(), "shadow")
			if err := os.WriteFile(secret, []byte("root:hemmelig\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			p := plan(t, open(root))
			note := filepath.Join(root, "content/2016/note.txt")
			if err := os.Remove(note); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(secret, note); err != nil {
				t.Fatal(err)
			}
			out, err := p.RenderAll()
			for _, f := range out {
				if strings.Contains(string(f.Data), "hemmelig") {
					t.Fatalf("%s holds the link's target", f.Path)
				}
			}
			problems := diag.AsList(err)
			if len(problems) != 1 || problems[0].Path != "content/2016/note.txt" || !strings.Contains(problems[0].Msg, "symbolic link") {
				t.Errorf("got %v; want one error naming content/2016/note.txt as a symbolic link", err)
			}
			if b, _, err := p.File("2016/note.txt"); err == nil || strings.Contains(string(b), "hemmelig") {
				t.Errorf("Plan.File: %q, %v", b, err)
			}
		})
	}
}
